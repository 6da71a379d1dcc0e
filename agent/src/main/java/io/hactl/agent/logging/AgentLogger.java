package io.hactl.agent.logging;

import io.hactl.core.logs.LogForwarder;
import io.hactl.core.logs.LogLevel;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An agent logger: writes each record to stderr (which the provider keeps, e.g. the local
 * provider's {@code machine-N/agent.out}) in the format slf4j-simple used, and hands the same
 * record, structured, to the {@link LogForwarder} that sends it to the controllers.
 */
final class AgentLogger extends LegacyAbstractLogger {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter STDERR_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
  private static final StackWalker STACK = StackWalker.getInstance();

  private final transient LogLevel threshold;
  private final transient LogForwarder forwarder;

  AgentLogger(String name, LogLevel threshold, LogForwarder forwarder) {
    this.name = name;
    this.threshold = threshold;
    this.forwarder = forwarder;
  }

  @Override
  public boolean isTraceEnabled() {
    return LogLevel.TRACE.atLeast(threshold);
  }

  @Override
  public boolean isDebugEnabled() {
    return LogLevel.DEBUG.atLeast(threshold);
  }

  @Override
  public boolean isInfoEnabled() {
    return LogLevel.INFO.atLeast(threshold);
  }

  @Override
  public boolean isWarnEnabled() {
    return LogLevel.WARNING.atLeast(threshold);
  }

  @Override
  public boolean isErrorEnabled() {
    return LogLevel.ERROR.atLeast(threshold);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern,
      Object[] arguments, Throwable throwable) {
    Instant now = Instant.now();
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    writeToStderr(now, level, message, throwable);
    String forwarded = throwable == null ? message : message + "\n" + throwable;
    forwarder.accept(now, name, toLogLevel(level), forwarded, callerLocation());
  }

  private void writeToStderr(Instant now, Level level, String message, Throwable throwable) {
    StringBuilder line = new StringBuilder(64 + message.length())
        .append(STDERR_TIME.format(now)).append(' ').append(level).append(' ')
        .append(name).append(" - ").append(message).append(System.lineSeparator());
    if (throwable != null) {
      StringWriter trace = new StringWriter();
      throwable.printStackTrace(new PrintWriter(trace));
      line.append(trace);
    }
    PrintStream err = System.err;
    // One write per record, so lines of concurrent threads do not interleave.
    err.print(line);
    err.flush();
  }

  /** {@code File.java:line} of the code that called the logger, when the stack tells. */
  private static String callerLocation() {
    return STACK.walk(frames -> frames
        .filter(f -> !f.getClassName().startsWith("org.slf4j.")
            && !f.getClassName().equals(AgentLogger.class.getName()))
        .findFirst()
        .filter(f -> f.getFileName() != null && f.getLineNumber() > 0)
        .map(f -> f.getFileName() + ":" + f.getLineNumber())
        .orElse(""));
  }

  static LogLevel toLogLevel(Level level) {
    return switch (level) {
      case TRACE -> LogLevel.TRACE;
      case DEBUG -> LogLevel.DEBUG;
      case INFO -> LogLevel.INFO;
      case WARN -> LogLevel.WARNING;
      case ERROR -> LogLevel.ERROR;
    };
  }
}
