package io.hactl.core.membership;

import java.util.Objects;

/**
 * One member of the configuration the peer grouper wants.
 *
 * @param machineId the controller the member belongs to; null only for a member that belongs to
 *     no controller, which appears only in plans that leave the configuration as it is
 * @param address its {@code host:port}
 * @param voting whether it votes: voters have votes 1 and priority 1, non-voters votes 0 and
 *     priority 0 (so a non-voter can never become primary)
 */
public record DesiredMember(String machineId, String address, boolean voting) {

  public DesiredMember {
    Objects.requireNonNull(address, "address");
  }

  /** The {@code votes} field of the member's configuration. */
  public int votes() {
    return voting ? 1 : 0;
  }

  /** The {@code priority} field of the member's configuration. */
  public int priority() {
    return voting ? 1 : 0;
  }
}
