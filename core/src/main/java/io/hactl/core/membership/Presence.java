package io.hactl.core.membership;

/**
 * Why {@link Availability} considers a controller up, or that it is down. The reason is kept,
 * not just a boolean, so status and events can say which evidence was used.
 */
public enum Presence {
  /** Its agent heartbeat is fresh. */
  ALIVE,
  /** Its heartbeat is stale or missing, but the primary hears its member as PRIMARY/SECONDARY. */
  SERVING,
  /** Its member is alive and still syncing (STARTUP, STARTUP2, RECOVERING). */
  CATCHING_UP,
  /** It has never beaten, but it became a controller less than the start-up grace ago. */
  STARTING,
  /** No evidence of life: a stale or missing heartbeat and no healthy member. */
  DOWN;

  /** Everything but {@link #DOWN} counts as available for enable-ha. */
  public boolean isAvailable() {
    return this != DOWN;
  }
}
