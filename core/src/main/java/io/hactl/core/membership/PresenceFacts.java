package io.hactl.core.membership;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known about one controller's liveness, as read from state and the replica set.
 *
 * @param addedAt when the machine became a controller (bootstrap, or its enable-ha)
 * @param lastHeartbeat its agent's last heartbeat (server time), or null when it never beat
 * @param memberState its replica-set member's state as the primary reports it; {@link
 *     MemberState#UNKNOWN} when it has no member yet
 * @param memberHealthy whether the primary currently hears that member
 */
public record PresenceFacts(
    Instant addedAt, Instant lastHeartbeat, MemberState memberState, boolean memberHealthy) {

  public PresenceFacts {
    Objects.requireNonNull(addedAt, "addedAt");
    memberState = memberState == null ? MemberState.UNKNOWN : memberState;
  }
}
