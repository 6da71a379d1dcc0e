package io.hactl.core.environment;

import io.hactl.core.HactlException;
import io.hactl.core.logs.LogService;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.StatusFeed;
import java.time.Duration;
import io.hactl.core.membership.EnableHaRequest;
import io.hactl.core.membership.EnableHaResult;
import io.hactl.plugin.api.Placement;
import java.util.List;
import java.util.Map;

/**
 * Everything the shell and the dashboard can do to one environment. Each method is one user
 * action; they block until the action is done (or, for asynchronous changes, accepted) and fail
 * with a {@link HactlException} whose message is fit to show as is.
 */
public interface EnvironmentClient extends AutoCloseable {

  /** The environment's name in environments.yaml. */
  String environmentName();

  /**
   * Starts machine 0 as the environment's first controller, initiates its replica set and
   * records the environment in state. Fails with BAD_INPUT when it is already bootstrapped.
   */
  BootstrapResult bootstrap() throws HactlException;

  /** Reads the environment's current status from state and the provider. */
  EnvironmentStatus status() throws HactlException;

  /** Adds {@code count} plain machines (host units only) and starts their instances. */
  AddMachineResult addMachines(int count) throws HactlException;

  /**
   * Adds {@code count} plain machines with constraints and placements. The i-th new machine
   * goes to {@code placements[i % size]} (so {@code --to zone=a,zone=b} spreads them); the
   * provider refuses, as the machine's provisioning error, what it cannot satisfy.
   *
   * @param constraints checked pairs ({@link io.hactl.core.provider.ConstraintsSyntax#parse})
   * @param placements where new machines go; empty for the provider's choice
   */
  default AddMachineResult addMachines(int count, Map<String, String> constraints,
      List<Placement> placements) throws HactlException {
    if (!constraints.isEmpty() || !placements.isEmpty()) {
      throw HactlException.badInput("cannot add machines to " + environmentName() + ": this"
          + " client does not support constraints or placement");
    }
    return addMachines(count);
  }

  /**
   * Removes plain machines: stops their instances and deletes them from state. Controllers are
   * refused. With {@code force}, a machine whose instance cannot be stopped is removed anyway.
   */
  RemoveMachineResult removeMachines(List<String> machineIds, boolean force)
      throws HactlException;

  /**
   * Records the controller set {@code enable-ha} asks for and returns the intended changes; the
   * master carries them out moments later. Fails with BAD_INPUT for an invalid count or
   * placement, and with NO_QUORUM when fewer than a majority of voters are up.
   *
   * @param constraints constraints for new controller machines; empty copies the first
   *     controller's
   */
  EnableHaResult enableHa(EnableHaRequest request, Map<String, String> constraints)
      throws HactlException;

  /**
   * {@link #enableHa(EnableHaRequest, Map)} with placements for the new controller machines:
   * the i-th new machine goes to {@code placements[i % size]}, so {@code --to
   * zone=a,zone=b,zone=c} spreads three controllers over three zones.
   */
  default EnableHaResult enableHa(EnableHaRequest request, Map<String, String> constraints,
      List<Placement> placements) throws HactlException {
    if (!placements.isEmpty()) {
      throw HactlException.badInput("cannot enable-ha in " + environmentName() + ": this client"
          + " does not support placement");
    }
    return enableHa(request, constraints);
  }

  /**
   * Stops every instance of the environment and deletes its local data. Works when state is
   * unreachable too: the provider is the source of truth for what must be stopped.
   */
  DestroyResult destroy() throws HactlException;

  /**
   * A live feed of status snapshots, refreshed every {@code interval} on a background thread.
   * Closing the feed stops its thread.
   */
  StatusFeed watch(Duration interval);

  /**
   * Resolves the provider's credentials again on this client and stores them, sealed, in the
   * environment's state for the controllers ({@code update-credentials}, after a key was
   * rotated). The master uses them from its next provider call on.
   *
   * @since issue 7
   */
  default CredentialsUpdate updateCredentials() throws HactlException {
    throw HactlException.failure("environment " + environmentName() + " cannot update its"
        + " provider credentials in this client", null);
  }

  /**
   * The environment's log (every agent's records, kept on every controller), for
   * {@code debug-log} and the dashboard's log pane. Clients that keep no log, such as test
   * fakes, refuse with a FAILURE.
   *
   * @since issue 5
   */
  default LogService logs() throws HactlException {
    throw HactlException.failure("environment " + environmentName() + " has no log service in"
        + " this client", null);
  }

  /** Releases connections held for this environment. */
  @Override
  void close();
}
