package io.hactl.core.logs.internal;

import io.hactl.core.HactlException;
import io.hactl.core.logs.LogStore;
import java.util.List;

/** Where a subscription finds controllers to read the log from (a port; tests fake it). */
public interface LogSource {

  /**
   * A controller's replica-set member.
   *
   * @param machineId the controller's machine id; null when only its address is known
   * @param address the member's {@code host:port}
   */
  record Member(String machineId, String address) {
    @Override
    public String toString() {
      return machineId == null ? "the controller at " + address
          : "controller " + machineId + " (" + address + ")";
    }
  }

  /** The controllers as last known; never empty. */
  List<Member> members() throws HactlException;

  /** A store reading from {@code member} only; opening does not block. */
  LogStore open(Member member);
}
