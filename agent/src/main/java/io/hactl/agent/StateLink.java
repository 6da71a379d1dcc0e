package io.hactl.agent;

import io.hactl.core.logs.LogStore;
import io.hactl.core.state.StateCredentials;
import io.hactl.core.state.StateEndpoint;
import io.hactl.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's connections to state, and how it finds the controllers again when it has lost
 * them. The driver follows failovers inside one replica set by itself, but not a replica set
 * that comes back elsewhere: after {@code restore-backup -b} the only controller is a new
 * machine at a new address, and its term and config version start low, so a driver that knew
 * the old set would distrust it even at an old address. So when state has been unreachable for
 * {@link #LOST_AFTER}, the agent rereads its address cache (where a restore writes the new
 * controller's address) and reconnects with fresh clients if the seeds changed, or at least
 * every {@link #RETRY_SAME_SEEDS} while still cut off.
 */
final class StateLink implements AutoCloseable {

  static final Duration LOST_AFTER = Duration.ofSeconds(5);
  static final Duration RETRY_SAME_SEEDS = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(StateLink.class);

  private final ControllerAddressCache cache;
  private final List<String> configured;
  private final String replicaSet;
  private final StateCredentials credentials;
  private final Function<StateEndpoint, StateStore> openState;
  private final Function<StateEndpoint, LogStore> openLogs;
  private final Clock clock;
  private final Swappable<StateStore> state;
  private final Swappable<LogStore> logs;
  private List<String> seeds;
  private Instant failingSince;
  private Instant connectedAt;

  StateLink(ControllerAddressCache cache, List<String> configured, String replicaSet,
      Function<StateEndpoint, StateStore> openState, Function<StateEndpoint, LogStore> openLogs,
      Clock clock) {
    this(cache, configured, replicaSet, null, openState, openLogs, clock);
  }

  /** @param credentials whom to reach a mongod replica set as; null for the embedded member */
  StateLink(ControllerAddressCache cache, List<String> configured, String replicaSet,
      StateCredentials credentials, Function<StateEndpoint, StateStore> openState,
      Function<StateEndpoint, LogStore> openLogs, Clock clock) {
    this.cache = cache;
    this.configured = List.copyOf(configured);
    this.replicaSet = replicaSet;
    this.credentials = credentials;
    this.openState = openState;
    this.openLogs = openLogs;
    this.clock = clock;
    this.seeds = cache.seeds(this.configured);
    StateEndpoint endpoint = endpoint(seeds);
    this.state = Swappable.of(StateStore.class, openState.apply(endpoint));
    this.logs = Swappable.of(LogStore.class, openLogs.apply(endpoint));
    this.connectedAt = clock.instant();
  }

  /** The state store workers use; it survives reconnections. */
  StateStore state() {
    return state.proxy();
  }

  /** The log store the forwarder and pruner use; it survives reconnections. */
  LogStore logs() {
    return logs.proxy();
  }

  List<String> seeds() {
    return seeds;
  }

  /**
   * One check, run on the workers' thread after heartbeats.
   *
   * @param failing whether the last heartbeat failed
   * @return whether the agent reconnected
   */
  boolean check(BooleanSupplier failing) {
    Instant now = clock.instant();
    if (!failing.getAsBoolean()) {
      failingSince = null;
      return false;
    }
    if (failingSince == null) {
      failingSince = now;
    }
    if (Duration.between(failingSince, now).compareTo(LOST_AFTER) < 0) {
      return false;
    }
    cache.reload();
    List<String> fresh = cache.seeds(configured);
    boolean changed = !new LinkedHashSet<>(fresh).equals(new LinkedHashSet<>(seeds));
    if (!changed && Duration.between(connectedAt, now).compareTo(RETRY_SAME_SEEDS) < 0) {
      return false;
    }
    LOG.info("state unreachable for {}s through {}; reconnecting through {}",
        Duration.between(failingSince, now).toSeconds(), seeds, fresh);
    reconnect(fresh, now);
    return true;
  }

  private void reconnect(List<String> fresh, Instant now) {
    StateEndpoint endpoint = endpoint(fresh);
    List<AutoCloseable> old = new ArrayList<>();
    old.add(state.swap(openState.apply(endpoint)));
    old.add(logs.swap(openLogs.apply(endpoint)));
    seeds = fresh;
    connectedAt = now;
    closeAll(old);
  }

  private StateEndpoint endpoint(List<String> addresses) {
    return new StateEndpoint(addresses, replicaSet, Duration.ofSeconds(10), credentials);
  }

  @Override
  public void close() {
    closeAll(List.of(logs.current(), state.current()));
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("error while closing a state connection: {}", e.toString());
      }
    }
  }
}
