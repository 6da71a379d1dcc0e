package io.hactl.agent.logging;

import io.hactl.core.logs.LogForwarder;
import java.time.Clock;

/**
 * Where the agent's loggers hand their records: one {@link LogForwarder} for the process,
 * created with the first logger so that records logged before the agent knows its machine and
 * controllers are kept and sent once it does ({@link LogForwarder#start}).
 */
public final class AgentLogSink {

  private static final LogForwarder FORWARDER = new LogForwarder(
      LogForwarder.DEFAULT_CAPACITY, Clock.systemUTC(),
      warning -> System.err.println("hactl-agent: " + warning));

  private AgentLogSink() {}

  /** The process's forwarder. */
  public static LogForwarder forwarder() {
    return FORWARDER;
  }
}
