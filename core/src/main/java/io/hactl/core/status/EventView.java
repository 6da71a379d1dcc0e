package io.hactl.core.status;

import java.time.Instant;

/**
 * One entry of the environment's history, as status and the dashboard show it.
 *
 * @param at when it happened
 * @param kind {@code election}, {@code reconfig}, {@code enable-ha}, {@code provisioning}, ...
 * @param machineId the machine that recorded it, or null for a client
 * @param message what happened
 */
public record EventView(Instant at, String kind, String machineId, String message) {}
