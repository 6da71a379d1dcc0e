package io.hactl.core;

/**
 * One line of {@code hactl environments}.
 *
 * @param name the environment's name
 * @param type its provider type
 * @param isDefault whether it is the configuration's default
 * @param current whether it is the one commands act on (see {@code switch})
 * @param bootstrapped whether this client has bootstrapped it
 */
public record EnvironmentSummary(
    String name, String type, boolean isDefault, boolean current, boolean bootstrapped) {}
