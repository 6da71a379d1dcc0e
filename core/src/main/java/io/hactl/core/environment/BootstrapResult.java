package io.hactl.core.environment;

import java.time.Duration;

/**
 * The outcome of a bootstrap.
 *
 * @param environment the environment's name
 * @param uuid the environment's new unique id
 * @param machineId the first controller's machine id ("0")
 * @param instanceId its provider instance id
 * @param stateAddress the {@code host:port} of its replica-set member
 * @param took how long bootstrap took, until the controller accepted a majority write
 */
public record BootstrapResult(
    String environment,
    String uuid,
    String machineId,
    String instanceId,
    String stateAddress,
    Duration took) {}
