package io.hactl.core.logs;

import java.util.Objects;

/**
 * What a reader of the environment's log asks for.
 *
 * @param filter which records
 * @param backlog which stored records come first
 * @param controller the machine id of the controller to read from; null: a random one, and
 *     another one when it fails
 */
public record LogRequest(LogFilter filter, LogBacklog backlog, String controller) {

  public LogRequest {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(backlog, "backlog");
  }
}
