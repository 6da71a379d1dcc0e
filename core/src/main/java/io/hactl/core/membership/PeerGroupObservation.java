package io.hactl.core.membership;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the peer grouper plans from: the controllers in state and the replica set as it is.
 *
 * @param controllers every machine with the controller job, in any order
 * @param members the replica set's current members, in any order
 */
public record PeerGroupObservation(List<PeerController> controllers, List<ObservedMember> members) {

  public PeerGroupObservation {
    controllers = List.copyOf(controllers);
    members = List.copyOf(members);
    Set<String> ids = new HashSet<>();
    for (PeerController c : controllers) {
      if (!ids.add(c.machineId())) {
        throw new IllegalArgumentException("controller " + c.machineId() + " listed twice");
      }
    }
    Set<String> addresses = new HashSet<>();
    for (ObservedMember m : members) {
      if (!addresses.add(m.address())) {
        throw new IllegalArgumentException("member " + m.address() + " listed twice");
      }
    }
  }
}
