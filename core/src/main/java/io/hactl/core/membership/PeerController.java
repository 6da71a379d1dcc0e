package io.hactl.core.membership;

import java.util.Objects;

/**
 * A controller as the peer grouper sees it.
 *
 * @param machineId the machine id
 * @param address its member's {@code host:port}, or null while it is not provisioned yet
 * @param wantsVote whether enable-ha wants its member to vote
 */
public record PeerController(String machineId, String address, boolean wantsVote) {

  public PeerController {
    Objects.requireNonNull(machineId, "machineId");
  }
}
