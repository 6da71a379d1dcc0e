package io.hactl.core.environment.internal;

import io.hactl.core.HactlException;
import io.hactl.core.logs.LogStore;
import io.hactl.core.logs.internal.LogSource;
import io.hactl.core.state.LogStores;
import io.hactl.core.state.Machine;
import io.hactl.core.state.StateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The environment's controllers as log sources: read from state when it answers (so a
 * controller added since the last command is found), else the addresses this client cached.
 */
final class ControllerLogSource implements LogSource {

  /** How long a read waits for the member before the subscription moves to another one. */
  static final Duration MEMBER_TIMEOUT = Duration.ofSeconds(3);

  private final StateConnection state;

  ControllerLogSource(StateConnection state) {
    this.state = state;
  }

  @Override
  public List<Member> members() throws HactlException {
    try {
      List<Member> members = new ArrayList<>();
      for (Machine machine : state.store().machines()) {
        if (machine.isController() && machine.stateAddress() != null) {
          members.add(new Member(machine.id(), machine.stateAddress()));
        }
      }
      if (!members.isEmpty()) {
        state.rememberControllers(members.stream().map(Member::address).toList());
        return members;
      }
    } catch (StateException e) {
      // No primary right now (an election): the cached addresses still reach the members.
    }
    List<Member> cached = new ArrayList<>();
    for (String address : state.record().stateAddresses()) {
      cached.add(new Member(null, address));
    }
    return cached;
  }

  @Override
  public LogStore open(Member member) {
    return LogStores.connectMember(member.address(), MEMBER_TIMEOUT, state.credentials());
  }
}
