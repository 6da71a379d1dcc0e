package io.hactl.shell.session;

import io.hactl.core.EnvironmentSummary;
import io.hactl.core.HactlException;
import io.hactl.core.backup.BackupService;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.core.provider.ProviderListing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What lives as long as one run of hactl, one-shot or REPL: core, one open client per environment
 * used (so a REPL reuses its connections), the machines seen so far, and who is at the console.
 * Commands run one at a time on one thread; only {@link #knownMachines()} and
 * {@link #environmentNames()} are read by the completer from the prompt's thread.
 */
public final class Session implements AutoCloseable {

  private final CoreAccess core;
  private final KnownMachines knownMachines = new KnownMachines();
  private final Map<String, EnvironmentClient> clients = new LinkedHashMap<>();
  private volatile UserConsole console;
  private volatile List<String> environmentNames = List.of();
  private volatile String pinnedEnvironment;

  public Session(CoreAccess core, UserConsole console) {
    this.core = Objects.requireNonNull(core);
    this.console = Objects.requireNonNull(console);
  }

  /**
   * The environment a command acts on: {@code requested} when given, else the one this session
   * was opened on ({@code hactl -e NAME} with no command), else the current one.
   */
  public String environment(String requested) throws HactlException {
    if (requested != null) {
      return requested;
    }
    String pinned = pinnedEnvironment;
    return pinned != null ? pinned : core.currentEnvironmentName();
  }

  /** Makes commands without {@code -e} act on {@code name} for the rest of this session. */
  public void pinEnvironment(String name) {
    this.pinnedEnvironment = name;
  }

  /** A client for {@code environment}, opened on first use and kept until the session closes. */
  public EnvironmentClient client(String environment) throws HactlException {
    EnvironmentClient client = clients.get(environment);
    if (client == null) {
      client = core.openClient(environment);
      clients.put(environment, client);
    }
    return client;
  }

  /** The backup service of {@code environment}, opened afresh; the caller closes it. */
  public BackupService backups(String environment) throws HactlException {
    return core.openBackups(environment);
  }

  /** The loaded provider plugins with their versions and settings. */
  public ProviderListing providers() throws HactlException {
    return core.describeProviders();
  }

  public List<EnvironmentSummary> listEnvironments() throws HactlException {
    List<EnvironmentSummary> all = core.listEnvironments();
    environmentNames = all.stream().map(EnvironmentSummary::name).toList();
    return all;
  }

  /** Switches the current environment; a pinned one gives way to the user's explicit choice. */
  public void switchEnvironment(String name) throws HactlException {
    core.switchEnvironment(name);
    pinnedEnvironment = null;
  }

  /**
   * Drops the client of {@code environment}: after destroy its connections point at nothing, and
   * a later bootstrap should start from a fresh client.
   */
  public void discardClient(String environment) {
    EnvironmentClient client = clients.remove(environment);
    if (client != null) {
      client.close();
    }
    knownMachines.forget(environment);
  }

  /** Environment names as last listed, for completion; never does I/O. */
  public List<String> environmentNames() {
    return environmentNames;
  }

  public KnownMachines knownMachines() {
    return knownMachines;
  }

  public UserConsole console() {
    return console;
  }

  /** The REPL puts its own console in place: questions then go through its line reader. */
  public void useConsole(UserConsole replacement) {
    this.console = Objects.requireNonNull(replacement);
  }

  @Override
  public void close() {
    for (EnvironmentClient client : clients.values()) {
      client.close();
    }
    clients.clear();
    core.close();
  }
}
