package io.hactl.shell;

import io.hactl.core.EnvironmentSummary;
import io.hactl.core.HactlException;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.shell.session.CoreAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Two environments, {@code local} (default) and {@code staging}, each with a fake client. */
public final class FakeCoreAccess implements CoreAccess {

  final Map<String, FakeEnvironmentClient> clients = new LinkedHashMap<>();
  String current = "local";
  int opened;
  boolean closed;

  public FakeCoreAccess() {
    clients.put("local", new FakeEnvironmentClient("local"));
    clients.put("staging", new FakeEnvironmentClient("staging"));
  }

  public FakeEnvironmentClient client(String name) {
    return clients.get(name);
  }

  @Override
  public String currentEnvironmentName() throws HactlException {
    if (current == null) {
      throw HactlException.badInput("no environment chosen: environments.yaml has several and"
          + " no default; run `hactl switch NAME`");
    }
    return current;
  }

  @Override
  public List<EnvironmentSummary> listEnvironments() {
    List<EnvironmentSummary> all = new ArrayList<>();
    for (String name : clients.keySet()) {
      all.add(new EnvironmentSummary(name, "local", name.equals("local"), name.equals(current),
          name.equals("local")));
    }
    return all;
  }

  @Override
  public void switchEnvironment(String name) throws HactlException {
    require(name);
    current = name;
  }

  @Override
  public EnvironmentClient openClient(String name) throws HactlException {
    require(name);
    opened++;
    return clients.get(name);
  }

  private void require(String name) throws HactlException {
    if (!clients.containsKey(name)) {
      throw HactlException.badInput("no environment named " + name
          + " in environments.yaml; known: " + String.join(", ", clients.keySet()));
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
