package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.membership.Quorum;
import io.hactl.core.state.StateStores;
import java.time.Duration;
import java.util.List;

/**
 * Explains why state cannot be reached: asks every known controller directly whether it
 * answers. When fewer than a majority do, no primary can be elected and only a restore from
 * backup brings the environment back, so the error says exactly that, with its own exit code.
 */
final class QuorumProbe {

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private QuorumProbe() {}

  static HactlException explain(String action, String environment, List<String> controllers,
      RuntimeException cause) {
    long up = controllers.stream()
        .filter(address -> StateStores.answersHello(address, PROBE_TIMEOUT))
        .count();
    Quorum quorum = new Quorum(controllers.size(), (int) up);
    if (!quorum.holds()) {
      return new HactlException(HactlException.Kind.NO_QUORUM,
          quorum.refusal(action + " in " + environment), cause);
    }
    return HactlException.failure("cannot " + action + " in " + environment + ": "
        + cause.getMessage(), cause);
  }
}
