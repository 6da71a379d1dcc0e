package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.membership.Quorum;
import java.util.List;

/**
 * Explains why state cannot be reached: asks every known controller directly whether it
 * answers. When fewer than a majority do, no primary can be elected and only a restore from
 * backup brings the environment back, so the error says exactly that, with its own exit code.
 */
final class QuorumProbe {

  private QuorumProbe() {}

  static HactlException explain(String action, String environment, List<String> controllers,
      RuntimeException cause) {
    HactlException refusal = refuseWithoutQuorum(action, environment, controllers);
    if (refusal != null) {
      refusal.initCause(cause);
      return refusal;
    }
    return HactlException.failure("cannot " + action + " in " + environment + ": "
        + cause.getMessage(), cause);
  }

  /**
   * Asks every known controller in parallel whether it answers; when fewer than a majority
   * do, returns the NO_QUORUM refusal at once, so a command fails in about a second instead of
   * waiting out the driver's server selection.
   *
   * @return the refusal, or null when a majority answers
   */
  static HactlException refuseWithoutQuorum(String action, String environment,
      List<String> controllers) {
    int up = ControllerProbe.answeringForQuorum(controllers).size();
    Quorum quorum = new Quorum(controllers.size(), up);
    if (!quorum.holds()) {
      return new HactlException(HactlException.Kind.NO_QUORUM,
          quorum.refusal(action + " in " + environment));
    }
    return null;
  }
}
