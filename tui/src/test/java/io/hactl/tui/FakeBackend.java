package io.hactl.tui;

import io.hactl.core.HactlException;
import io.hactl.core.environment.AddMachineResult;
import io.hactl.core.environment.BootstrapResult;
import io.hactl.core.environment.DestroyResult;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.core.environment.RemoveMachineResult;
import io.hactl.core.logs.LogBatch;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.logs.LogRequest;
import io.hactl.core.logs.LogService;
import io.hactl.core.logs.LogSubscription;
import io.hactl.core.membership.EnableHaRequest;
import io.hactl.core.membership.EnableHaResult;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.StatusFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A backend of fake clients, one per environment, each with a {@link ManualFeed} and a log the
 * test appends to. Clients record the core calls the dashboard makes, as the shell's would.
 */
public final class FakeBackend implements DashboardBackend {

  public final Map<String, Client> clients = new LinkedHashMap<>();
  final List<String> switched = Collections.synchronizedList(new ArrayList<>());

  public FakeBackend(String... environments) {
    for (String name : environments) {
      clients.put(name, new Client(name));
    }
  }

  Client client0() {
    return clients.values().iterator().next();
  }

  @Override
  public List<String> environments() {
    return List.copyOf(clients.keySet());
  }

  @Override
  public Client client(String environment) throws HactlException {
    Client client = clients.get(environment);
    if (client == null) {
      throw HactlException.badInput("no environment " + environment);
    }
    return client;
  }

  @Override
  public StatusFeed watch(String environment, Duration interval) throws HactlException {
    return client(environment).feed;
  }

  @Override
  public void switched(String environment) {
    switched.add(environment);
  }

  /** One environment's client. */
  public static final class Client implements EnvironmentClient {
    final String name;
    public final ManualFeed feed = new ManualFeed();
    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final BlockingQueue<LogRecord> log = new LinkedBlockingQueue<>();
    volatile List<LogRequest> logRequests = Collections.synchronizedList(new ArrayList<>());

    Client(String name) {
      this.name = name;
    }

    void log(String entity, String message) {
      log.add(new LogRecord(Instant.parse("2026-11-25T10:00:01Z"), entity,
          "io.hactl.agent.HeartbeatWorker", io.hactl.core.logs.LogLevel.INFO, message, "", 1));
    }

    @Override
    public String environmentName() {
      return name;
    }

    @Override
    public BootstrapResult bootstrap() throws HactlException {
      throw HactlException.failure("not in this fake", null);
    }

    @Override
    public EnvironmentStatus status() throws HactlException {
      return feed.latest().orElseThrow(() -> HactlException.failure("no status yet", null));
    }

    @Override
    public AddMachineResult addMachines(int count) {
      calls.add("add-machine " + count);
      return new AddMachineResult(List.of("7"));
    }

    @Override
    public RemoveMachineResult removeMachines(List<String> machineIds, boolean force) {
      calls.add("remove-machine " + String.join(" ", machineIds) + (force ? " --force" : ""));
      return new RemoveMachineResult(machineIds);
    }

    @Override
    public EnableHaResult enableHa(EnableHaRequest request, Map<String, String> constraints)
        throws HactlException {
      calls.add("enable-ha -n " + request.requested());
      if (request.requested() == 4) {
        throw HactlException.badInput("enable-ha -n 4: the number of controllers must be odd");
      }
      return new EnableHaResult(List.of("0"), List.of("1", "2"), List.of(), List.of(),
          List.of(), List.of());
    }

    @Override
    public DestroyResult destroy() throws HactlException {
      throw HactlException.failure("not in this fake", null);
    }

    @Override
    public StatusFeed watch(Duration interval) {
      return feed;
    }

    @Override
    public LogService logs() {
      return request -> {
        logRequests.add(request);
        return new LogSubscription() {
          @Override
          public LogBatch poll(Duration wait) {
            List<LogRecord> records = new ArrayList<>();
            try {
              LogRecord first = log.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
              if (first != null) {
                records.add(first);
                log.drainTo(records);
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            List<LogRecord> kept = records.stream().filter(request.filter()::matches).toList();
            return new LogBatch(kept, true, List.of());
          }

          @Override
          public Optional<Instant> prunedBefore() {
            return Optional.empty();
          }

          @Override
          public void close() {
          }
        };
      };
    }

    @Override
    public void close() {
    }
  }
}
