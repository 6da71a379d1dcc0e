package io.hactl.plugins.testkit;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import io.hactl.plugin.api.ProviderSetting;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link FileProvider} with one fault a real provider could have, to prove that the contract
 * catches it.
 */
final class FaultyProvider implements Provider {
  /** The faults, each breaking one rule of the contract. */
  enum Fault {
    /** Lists an instance of another environment too. */
    LISTS_OTHER_ENVIRONMENTS,
    /** Fails to stop an id it does not know (so a retry after a partial failure fails). */
    STOP_REJECTS_UNKNOWN,
    /** Reports a backend refusal with an IllegalStateException, not a ProviderException. */
    REFUSES_WITH_RUNTIME_EXCEPTION,
    /** Repeats the agent config (secrets) in its error message. */
    LEAKS_SECRETS_IN_ERRORS,
    /** Trims the user data it passes on. */
    ALTERS_USER_DATA,
    /** Waits for its backend on a plain socket, which ignores interrupts. */
    IGNORES_INTERRUPTS,
    /** Reports a stopped instance as RUNNING for ever. */
    NEVER_STOPS
  }

  private final Fault fault;
  private final FileProvider files = new FileProvider();

  FaultyProvider(Fault fault) {
    this.fault = fault;
  }

  @Override
  public String type() {
    return "faulty";
  }

  @Override
  public List<ProviderSetting> settings() {
    return files.settings();
  }

  @Override
  public Instance startInstance(ProviderContext context, InstanceSpec spec)
      throws ProviderException {
    String refusal = context.settings().get("refuse");
    if (refusal != null && fault == Fault.REFUSES_WITH_RUNTIME_EXCEPTION) {
      throw new IllegalStateException("backend refused: " + refusal);
    }
    if (refusal != null && fault == Fault.LEAKS_SECRETS_IN_ERRORS) {
      throw new ProviderException("backend refused " + spec.agentConfig());
    }
    InstanceSpec passed = fault == Fault.ALTERS_USER_DATA
        ? new InstanceSpec(spec.machineId(), spec.controller(), spec.agentConfig(),
            spec.userData().strip(), spec.statePort(), spec.constraints(), spec.placement())
        : spec;
    return files.startInstance(context, passed);
  }

  @Override
  public void stopInstances(ProviderContext context, List<String> instanceIds)
      throws ProviderException {
    if (fault == Fault.NEVER_STOPS) {
      return;
    }
    if (fault == Fault.STOP_REJECTS_UNKNOWN) {
      for (String id : instanceIds) {
        if (!Files.isDirectory(context.storageDirectory().resolve("instances").resolve(id))) {
          throw new ProviderException("instance " + id + " not found");
        }
      }
    }
    files.stopInstances(context, instanceIds);
  }

  @Override
  public List<Instance> instances(ProviderContext context) throws ProviderException {
    String endpoint = context.settings().get("endpoint");
    if (endpoint != null && fault == Fault.IGNORES_INTERRUPTS) {
      String[] hostPort = endpoint.split(":");
      try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
          InputStream in = socket.getInputStream()) {
        // A blocking socket read is not interrupted by Thread.interrupt(): the fault.
        in.read();
      } catch (IOException e) {
        throw new ProviderException("backend at " + endpoint + " failed: " + e.getMessage(), e);
      }
    }
    List<Instance> listed = new ArrayList<>(files.instances(context));
    if (fault == Fault.LISTS_OTHER_ENVIRONMENTS) {
      listed.add(new Instance("someone-elses", "99", InstanceState.RUNNING, List.of(), Map.of(),
          Map.of()));
    }
    return listed;
  }

  static String userDataOf(ProviderContext context, Instance instance) throws IOException {
    return FileProvider.userDataOf(context, instance);
  }
}
