package io.hactl.config;

/** The replica-set member a controller runs: {@code controller-db:} in environments.yaml. */
public enum ControllerDb {
  /** hactl's embedded MongoDB-compatible member (the default). */
  EMBEDDED,
  /** A real {@code mongod --replSet} supervised by the agent. */
  MONGOD
}
