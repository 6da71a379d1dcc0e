package io.hactl.plugins.maas;

import io.hactl.plugin.api.InstanceState;

/**
 * MAAS node statuses (MAAS's {@code NODE_STATUS} enum: the numbers below are part of the 2.0 API)
 * mapped to hactl's instance states.
 *
 * <ul>
 *   <li>Allocated (10), Deploying (9): PENDING, the machine is ours and on its way.
 *   <li>Deployed (6): RUNNING while powered on; STOPPED when MAAS reports it powered off, since
 *       nothing powers it on again by itself.
 *   <li>Failed deployment (11), Releasing (12), Ready (4), Disk erasing (14), Failed releasing
 *       (13), Failed disk erasing (15), Broken (8), Retired (7): STOPPED, none of these comes back
 *       by itself.
 *   <li>Anything else (Missing, rescue mode, commissioning, testing, unknown numbers): UNKNOWN.
 * </ul>
 */
final class StatusMapping {
  static final int READY = 4;
  static final int DEPLOYED = 6;
  static final int RETIRED = 7;
  static final int BROKEN = 8;
  static final int DEPLOYING = 9;
  static final int ALLOCATED = 10;
  static final int FAILED_DEPLOYMENT = 11;
  static final int RELEASING = 12;
  static final int FAILED_RELEASING = 13;
  static final int DISK_ERASING = 14;
  static final int FAILED_DISK_ERASING = 15;

  private StatusMapping() {}

  static InstanceState stateOf(MaasMachine machine) {
    int status = machine.status() >= 0 ? machine.status() : numberOf(machine.statusName());
    return switch (status) {
      case ALLOCATED, DEPLOYING -> InstanceState.PENDING;
      case DEPLOYED -> "off".equals(machine.powerState())
          ? InstanceState.STOPPED : InstanceState.RUNNING;
      case FAILED_DEPLOYMENT, RELEASING, READY, DISK_ERASING, FAILED_RELEASING,
          FAILED_DISK_ERASING, BROKEN, RETIRED -> InstanceState.STOPPED;
      default -> InstanceState.UNKNOWN;
    };
  }

  /** For an answer without the numeric status: MAAS's display names of the same statuses. */
  private static int numberOf(String statusName) {
    return switch (statusName) {
      case "Ready" -> READY;
      case "Deployed" -> DEPLOYED;
      case "Retired" -> RETIRED;
      case "Broken" -> BROKEN;
      case "Deploying" -> DEPLOYING;
      case "Allocated" -> ALLOCATED;
      case "Failed deployment" -> FAILED_DEPLOYMENT;
      case "Releasing" -> RELEASING;
      case "Failed releasing" -> FAILED_RELEASING;
      case "Disk erasing" -> DISK_ERASING;
      case "Failed disk erasing" -> FAILED_DISK_ERASING;
      default -> -1;
    };
  }
}
