package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.state.StateCredentials;
import io.hactl.core.state.StateStore;
import io.hactl.core.state.StateStores;
import io.hactl.core.store.EnvironmentRecordFile;
import java.util.List;

/**
 * A lazily opened connection to one environment's state, shared by the client's operations.
 * It keeps the client store's controller addresses current, so that the next client process
 * can find the replica set even after every controller it knew at bootstrap is gone.
 */
final class StateConnection implements AutoCloseable {

  private final EnvironmentContext env;
  private StateStore store;

  StateConnection(EnvironmentContext env) {
    this.env = env;
  }

  synchronized StateStore store() throws HactlException {
    if (store == null) {
      store = StateStores.connect(env.endpoint(env.requireBootstrapped()));
    }
    return store;
  }

  /** Records the controllers state knows of, if they differ from the cached ones. */
  void rememberControllers(List<String> addresses) {
    if (addresses.isEmpty()) {
      return;
    }
    env.store().environmentRecord(env.name())
        .filter(r -> !r.stateAddresses().equals(addresses))
        .map(r -> r.withStateAddresses(addresses))
        .ifPresent(r -> env.store().saveEnvironmentRecord(env.name(), r));
  }

  /** Whom this environment's members are reached as: {@link EnvironmentContext#credentials}. */
  StateCredentials credentials() {
    return env.credentials();
  }

  EnvironmentRecordFile record() throws HactlException {
    return env.requireBootstrapped();
  }

  @Override
  public synchronized void close() {
    if (store != null) {
      store.close();
      store = null;
    }
  }
}
