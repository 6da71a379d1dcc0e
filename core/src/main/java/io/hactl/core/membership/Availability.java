package io.hactl.core.membership;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether a controller is available, from its heartbeat and its member's own health.
 *
 * <p>Juju decided "down" from agent presence alone, which was flaky just after bootstrap, and
 * enable-ha then demoted the healthy bootstrap machine. Here a controller is down only when
 * <em>every</em> source of evidence says so:
 *
 * <ol>
 *   <li>a heartbeat at most {@code staleAfter} old means {@link Presence#ALIVE};
 *   <li>otherwise a healthy member in PRIMARY/SECONDARY means {@link Presence#SERVING};
 *   <li>otherwise a healthy member in STARTUP/STARTUP2/RECOVERING means {@link
 *       Presence#CATCHING_UP};
 *   <li>otherwise a controller that has never beaten and was added at most {@code startupGrace}
 *       ago is {@link Presence#STARTING};
 *   <li>otherwise it is {@link Presence#DOWN}.
 * </ol>
 *
 * <p>An unhealthy member's reported state is ignored: it is the last thing the primary heard and
 * proves nothing now. A controller that beat once and then went silent gets no start-up grace:
 * it did start, and it stopped. Pure and thread-safe; {@code now} is passed in (server time).
 */
public final class Availability {

  /** Agents beat every second; six missed beats tolerate a GC pause or a failover. */
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(6);

  /** Long enough for a cloud instance to boot and its agent to start. */
  public static final Duration DEFAULT_STARTUP_GRACE = Duration.ofMinutes(5);

  private final Duration staleAfter;
  private final Duration startupGrace;

  public Availability(Duration staleAfter, Duration startupGrace) {
    this.staleAfter = requirePositive(staleAfter, "staleAfter");
    this.startupGrace = requirePositive(startupGrace, "startupGrace");
  }

  /** The rule with {@link #DEFAULT_STALE_AFTER} and {@link #DEFAULT_STARTUP_GRACE}. */
  public static Availability defaults() {
    return new Availability(DEFAULT_STALE_AFTER, DEFAULT_STARTUP_GRACE);
  }

  /** Which evidence shows the controller is up at {@code now}, or {@link Presence#DOWN}. */
  public Presence assess(PresenceFacts facts, Instant now) {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(now, "now");
    Instant beat = facts.lastHeartbeat();
    if (beat != null && Duration.between(beat, now).compareTo(staleAfter) <= 0) {
      return Presence.ALIVE;
    }
    if (facts.memberHealthy() && facts.memberState().isServing()) {
      return Presence.SERVING;
    }
    if (facts.memberHealthy() && facts.memberState().isCatchingUp()) {
      return Presence.CATCHING_UP;
    }
    if (beat == null && Duration.between(facts.addedAt(), now).compareTo(startupGrace) <= 0) {
      return Presence.STARTING;
    }
    return Presence.DOWN;
  }

  /** Shorthand for {@code assess(facts, now).isAvailable()}. */
  public boolean isAvailable(PresenceFacts facts, Instant now) {
    return assess(facts, now).isAvailable();
  }

  public Duration staleAfter() {
    return staleAfter;
  }

  public Duration startupGrace() {
    return startupGrace;
  }

  private static Duration requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }
}
