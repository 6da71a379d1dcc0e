package io.hactl.core.delivery;

import io.hactl.core.HactlException;
import io.hactl.core.agent.AgentConfig;
import java.util.List;

/**
 * The provisioner's port for the user data of a machine it starts: cloud-init for providers whose
 * machines download the agent ({@link CloudInitUserData}), nothing for the local provider.
 */
@FunctionalInterface
public interface MachineUserData {

  /** No user data: machines run the agent from this host's installation. */
  MachineUserData NONE = (config, statePort, controllerAddresses) -> UserData.NONE;

  /**
   * The user data of the machine {@code config} describes.
   *
   * @param statePort the member's client port, for controllers
   * @param controllerAddresses the controllers' members ({@code host:port}), whose agents may
   *     serve the distribution
   * @throws HactlException when no source for the agent distribution is known
   */
  UserData forMachine(AgentConfig config, int statePort, List<String> controllerAddresses)
      throws HactlException;
}
