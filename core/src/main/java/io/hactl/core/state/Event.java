package io.hactl.core.state;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the environment's history: an election, a reconfig, provisioning, a demotion.
 *
 * @param at when it happened (clock of the machine that recorded it)
 * @param kind a short tag: {@code election}, {@code reconfig}, {@code provisioning},
 *     {@code enable-ha}, {@code removal}
 * @param machineId the machine that recorded it
 * @param message what happened, one line
 */
public record Event(Instant at, String kind, String machineId, String message) {
  public Event {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
