package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.logs.LogBacklog;
import io.hactl.core.logs.LogBatch;
import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogLevel;
import io.hactl.core.logs.LogLineFormat;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.logs.LogRequest;
import io.hactl.core.logs.LogSubscription;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code debug-log}: the log records of every agent, as kept on every controller, shown and
 * then followed. Reads from a random controller (or {@code --controller}) and moves to another
 * when it fails, without losing or repeating a line.
 */
@Command(name = "debug-log", mixinStandardHelpOptions = true,
    description = {"Show the log records of the environment's agents, then follow them.",
        "Entity filters (-i, -x) and module filters each OR their values; the families AND."})
final class DebugLogCommand extends EnvironmentCommand {

  /** Whether standard output is a terminal: then debug-log follows unless told otherwise. */
  static BooleanSupplier stdoutIsTerminal = () -> System.console() != null;

  private static final Duration FOLLOW_WAIT = Duration.ofMillis(500);

  @Option(names = {"-i", "--include"}, paramLabel = "ENTITY", split = ",",
      description = "Only these entities, e.g. machine-1 or machine-* (repeatable).")
  List<String> include;

  @Option(names = {"-x", "--exclude"}, paramLabel = "ENTITY", split = ",",
      description = "Not these entities (repeatable).")
  List<String> exclude;

  @Option(names = "--include-module", paramLabel = "MODULE", split = ",",
      description = "Only loggers under this dotted prefix, e.g. io.hactl.agent (repeatable).")
  List<String> includeModules;

  @Option(names = "--exclude-module", paramLabel = "MODULE", split = ",",
      description = "Not loggers under this dotted prefix (repeatable).")
  List<String> excludeModules;

  @Option(names = {"-l", "--level"}, paramLabel = "LEVEL",
      description = "Only records at or above LEVEL: trace, debug, info, warning, error.")
  String level;

  @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "10",
      description = "Start with the newest N records (default: ${DEFAULT-VALUE}).")
  int lines;

  @Option(names = "--limit", paramLabel = "N",
      description = "Show at most N records, then exit.")
  Integer limit;

  @Option(names = "--replay", description = "Start with every record still kept.")
  boolean replay;

  @Option(names = "--tail", description = "Keep following new records (default on a terminal).")
  boolean tail;

  @Option(names = "--no-tail", description = "Stop after the records already kept.")
  boolean noTail;

  @Option(names = "--controller", paramLabel = "ID",
      description = "Read from this controller machine instead of a random one.")
  String controller;

  @Option(names = "--utc", description = "Show times in UTC.")
  boolean utc;

  @Option(names = "--date", description = "Show dates as well as times.")
  boolean date;

  @Option(names = "--ms", description = "Show milliseconds.")
  boolean millis;

  @Option(names = "--color", description = "Colour entities and levels.")
  boolean color;

  @Override
  void run() throws HactlException {
    LogRequest request = request();
    boolean follow = limit == null && (tail || (!noTail && stdoutIsTerminal.getAsBoolean()));
    LogLineFormat format = new LogLineFormat(utc ? ZoneOffset.UTC : ZoneId.systemDefault(),
        date, millis, color);
    PrintWriter out = out();
    long shown = 0;
    boolean first = true;
    try (LogSubscription logs = client(environment()).logs().subscribe(request)) {
      while (!Thread.currentThread().isInterrupted()) {
        LogBatch batch = logs.poll(batchWait(follow));
        if (Thread.currentThread().isInterrupted()) {
          // Ctrl-C in the REPL: whatever the interrupted read reported is not news.
          break;
        }
        batch.notices().forEach(n -> err().println("debug-log: " + n));
        if (first && batch.caughtUp()) {
          first = false;
          reportPruning(logs, request, batch.records().size());
        }
        for (LogRecord record : batch.records()) {
          out.println(format.format(record));
          if (limit != null && ++shown >= limit) {
            out.flush();
            return;
          }
        }
        out.flush();
        err().flush();
        if (batch.caughtUp() && !follow) {
          return;
        }
      }
    }
  }

  private static Duration batchWait(boolean follow) {
    return follow ? FOLLOW_WAIT : Duration.ZERO;
  }

  private LogRequest request() {
    if (tail && noTail) {
      throw bad("--tail and --no-tail contradict each other; give one of them");
    }
    if (lines < 0) {
      throw bad("-n/--lines must be 0 or more, was " + lines);
    }
    if (limit != null && limit < 1) {
      throw bad("--limit must be 1 or more, was " + limit);
    }
    LogFilter filter;
    try {
      filter = new LogFilter(orEmpty(include), orEmpty(exclude), orEmpty(includeModules),
          orEmpty(excludeModules),
          level == null ? LogLevel.TRACE : LogLevel.parse(level));
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
    LogBacklog backlog = replay ? LogBacklog.everything()
        : LogBacklog.last(limit != null && !wasGiven("--lines") ? limit : lines);
    return new LogRequest(filter, backlog, controller);
  }

  /** Tells the user when the history asked for reaches back past what retention kept. */
  private void reportPruning(LogSubscription logs, LogRequest request, int returned) {
    boolean wantedMore = request.backlog().all() || returned < request.backlog().lines();
    logs.prunedBefore().filter(before -> wantedMore).ifPresent(before -> err().println(
        "debug-log: records before " + before + " were pruned (the log keeps its newest"
            + " records within its size limit)"));
  }

  /** Picocli leaves a repeatable option that was not given null. */
  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }

  private boolean wasGiven(String option) {
    return spec.commandLine().getParseResult() != null
        && spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
