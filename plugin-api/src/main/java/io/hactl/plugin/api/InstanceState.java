package io.hactl.plugin.api;

/**
 * Lifecycle state of an instance as reported by its provider.
 *
 * @since 0.1
 */
public enum InstanceState {
  /** Requested; not yet running. */
  PENDING,
  /** Running (its agent may still be starting). */
  RUNNING,
  /** Stopped or gone; it will not come back by itself. */
  STOPPED,
  /** The provider cannot tell. */
  UNKNOWN
}
