package io.hactl.core.environment.internal;

import java.time.Duration;
import java.time.Instant;

/** Whether a machine's agent is alive, from its last heartbeat and its instance's state. */
final class AgentPresence {

  /**
   * An agent whose last heartbeat is older than this is down. Agents beat every second, so
   * this tolerates several lost beats (a failover, a long GC pause) before calling one down.
   */
  static final Duration STALE_AFTER = Duration.ofSeconds(6);

  private AgentPresence() {}

  /**
   * @return {@code started}, {@code down}, or {@code pending} when the agent has not beaten yet
   *     and its instance may still be starting
   */
  static String agentState(Instant lastHeartbeat, String instanceState, Instant now) {
    boolean instanceGone = "stopped".equals(instanceState) || "missing".equals(instanceState);
    if (lastHeartbeat == null) {
      return instanceGone ? "down" : "pending";
    }
    if (instanceGone) {
      return "down";
    }
    return Duration.between(lastHeartbeat, now).compareTo(STALE_AFTER) > 0 ? "down" : "started";
  }
}
