package io.hactl.core.delivery;

import io.hactl.core.HactlException;
import io.hactl.core.agent.AgentConfig;
import io.hactl.core.agent.ProviderAccess;
import java.util.List;
import java.util.Optional;

/**
 * The user data a master gives the machines it provisions.
 *
 * <p><b>Which providers get user data.</b> Every provider except {@code local}: a local machine
 * is a process on this host that runs the agent from the installed class path ({@link
 * io.hactl.plugin.api.AgentDistribution}), so rendering would only cost a checksum of the
 * distribution and open a port nothing uses. The decision is made here, from the provider's
 * type, rather than by a provider capability, so that the SPI stays as it is and a third-party
 * cloud provider gets user data without declaring anything (see {@link #rendersFor}).
 */
public final class CloudInitUserData implements MachineUserData {

  /** The one provider whose machines share this host's files. */
  static final String LOCAL_PROVIDER = "local";

  private final ProviderAccess access;
  private final String servedSha256;

  private CloudInitUserData(ProviderAccess access, String servedSha256) {
    this.access = access;
    this.servedSha256 = servedSha256;
  }

  /** Whether machines of {@code providerType} get cloud-init user data. */
  public static boolean rendersFor(String providerType) {
    return !LOCAL_PROVIDER.equals(providerType);
  }

  /**
   * The user data source of a master provisioning through {@code access}.
   *
   * @param served the distribution this controller serves, if any
   */
  public static MachineUserData forMaster(ProviderAccess access,
      Optional<DistributionTarball> served) {
    if (!rendersFor(access.providerType())) {
      return NONE;
    }
    return new CloudInitUserData(access, served.map(DistributionTarball::sha256).orElse(null));
  }

  @Override
  public UserData forMachine(AgentConfig config, int statePort, List<String> controllerAddresses)
      throws HactlException {
    AgentSource source = AgentSources.forProvisioning(access.delivery(), servedSha256,
        controllerAddresses).orElseThrow(() -> HactlException.failure("cannot prepare machine "
            + config.machineId() + ": no source for the agent distribution (no agent-url, and"
            + " no controller serves it on agent-port); set agent-url and agent-sha256 in the"
            + " environment", null));
    return CloudInitRenderer.render(config, statePort, access.controllerDb(), source);
  }
}
