package io.hactl.core.logs;

import io.hactl.core.HactlException;

/**
 * The environment's log as readers see it: {@code debug-log} and the dashboard's log pane.
 * Obtained from {@link io.hactl.core.environment.EnvironmentClient#logs()}.
 */
public interface LogService {

  /**
   * Starts reading from a random controller, or the one the request names.
   *
   * @throws HactlException BAD_INPUT when the named machine is not a controller
   */
  LogSubscription subscribe(LogRequest request) throws HactlException;
}
