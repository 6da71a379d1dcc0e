package io.hactl.core.logs.internal;

import io.hactl.core.HactlException;
import io.hactl.core.logs.LogRequest;
import io.hactl.core.logs.LogService;
import io.hactl.core.logs.LogSubscription;
import java.util.List;
import java.util.Random;

/** The usual {@link LogService}: subscriptions over the controllers a {@link LogSource} knows. */
public final class DefaultLogService implements LogService {

  private final LogSource source;
  private final Random random;

  public DefaultLogService(LogSource source, Random random) {
    this.source = source;
    this.random = random;
  }

  @Override
  public LogSubscription subscribe(LogRequest request) throws HactlException {
    List<LogSource.Member> members = source.members();
    if (request.controller() != null && members.stream().allMatch(m -> m.machineId() == null)) {
      throw HactlException.failure("cannot read logs from controller " + request.controller()
          + ": state is unreachable, so its address is unknown; try without --controller", null);
    }
    if (request.controller() != null && members.stream()
        .noneMatch(m -> request.controller().equals(m.machineId()))) {
      throw HactlException.badInput("cannot read logs from controller " + request.controller()
          + ": machine " + request.controller() + " is not a controller; run `hactl status`"
          + " to see the controllers");
    }
    return new DefaultLogSubscription(request, source, random);
  }
}
