package io.hactl.core.logs.internal;

import io.hactl.core.HactlException;
import io.hactl.core.logs.LogStore;
import java.util.List;

/** Where a subscription finds controllers to read the log from (a port; tests fake it). */
public interface LogSource {

  /** A controller's replica-set member. */
  record Member(String machineId, String address) {
    @Override
    public String toString() {
      return "controller " + machineId + " (" + address + ")";
    }
  }

  /** The controllers as last known; never empty. */
  List<Member> members() throws HactlException;

  /** A store reading from {@code member} only; opening does not block. */
  LogStore open(Member member);
}
