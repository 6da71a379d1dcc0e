package io.hactl.agent.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The agent's slf4j binding. It replaces slf4j-simple so that every record, the agent's own and
 * its libraries' (driver, Ratis, the embedded member), reaches the log forwarder with its logger
 * name, level and message as structured fields, rather than as text to parse back. AgentMain
 * names it in {@code slf4j.provider}, so a stray binding on the class path is never chosen.
 */
public final class AgentLoggingProvider implements SLF4JServiceProvider {

  private final BasicMarkerFactory markers = new BasicMarkerFactory();
  private final NOPMDCAdapter mdc = new NOPMDCAdapter();
  private volatile ILoggerFactory loggers;

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    LogLevels levels = LogLevels.load();
    ConcurrentMap<String, Logger> byName = new ConcurrentHashMap<>();
    loggers = name -> byName.computeIfAbsent(name,
        n -> new AgentLogger(n, levels.threshold(n), AgentLogSink.forwarder()));
  }
}
