package io.hactl.core.membership;

import java.util.Objects;

/**
 * One controller machine as enable-ha sees it.
 *
 * @param machineId the machine id
 * @param wantsVote whether hactl wants its member to vote
 * @param hasVote whether its member votes in the replica set's configuration (as last synced)
 * @param available whether it is up, decided by {@link Availability} (never by a heartbeat alone)
 */
public record ControllerView(
    String machineId, boolean wantsVote, boolean hasVote, boolean available) {

  public ControllerView {
    Objects.requireNonNull(machineId, "machineId");
  }
}
