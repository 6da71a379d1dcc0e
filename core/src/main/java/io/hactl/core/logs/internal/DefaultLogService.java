package io.hactl.core.logs.internal;

import io.hactl.core.HactlException;
import io.hactl.core.logs.LogRequest;
import io.hactl.core.logs.LogService;
import io.hactl.core.logs.LogSubscription;
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
    if (request.controller() != null && source.members().stream()
        .noneMatch(m -> m.machineId().equals(request.controller()))) {
      throw HactlException.badInput("cannot read logs from controller " + request.controller()
          + ": machine " + request.controller() + " is not a controller; run `hactl status`"
          + " to see the controllers");
    }
    return new DefaultLogSubscription(request, source, random);
  }
}
