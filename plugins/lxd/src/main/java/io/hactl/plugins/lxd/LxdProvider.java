package io.hactl.plugins.lxd;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import io.hactl.plugin.api.ProviderSetting;
import io.hactl.plugin.api.SettingProblem;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Machines as LXD containers, through the LXD REST API 1.0 (unix socket or HTTPS). Each machine
 * is one container created from an image alias with hactl's cloud-init user data, which installs
 * and starts the agent inside it.
 *
 * <p>The provider keeps nothing on disk: LXD is the record. Each container carries {@code
 * user.hactl.environment} (the environment's uuid) and {@code user.hactl.machine} in its config,
 * so listing filters by environment and stopping refuses containers of other environments.
 */
@Extension
public final class LxdProvider implements Provider {
  /** The provider's type in environments.yaml. */
  public static final String TYPE = "lxd";

  /**
   * How long startInstance waits for the container's IPv4 address (dnsmasq answers about 2.6 s
   * after start), so that hactl can reach a new controller's member right away.
   */
  static final Duration ADDRESS_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration ADDRESS_POLL = Duration.ofMillis(200);

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<ProviderSetting> settings() {
    return LxdSettings.DECLARED;
  }

  @Override
  public List<SettingProblem> validateSettings(Map<String, String> settings) {
    List<SettingProblem> problems = new ArrayList<>(Provider.super.validateSettings(settings));
    problems.addAll(LxdSettings.validate(settings));
    return problems;
  }

  /**
   * Over HTTPS, the client certificate and key (or PKCS12 file and its password) and the
   * daemon's certificate, read from the settings' files on the client: controllers get them back
   * in {@link ProviderContext#credentials()}, where those files are not. The unix socket needs
   * none.
   */
  @Override
  public Map<String, String> resolveCredentials(ProviderContext context)
      throws ProviderException {
    LxdSettings settings = LxdSettings.from(context.settings());
    if (settings.endpoint().isEmpty()) {
      return Map.of();
    }
    try {
      return TlsContexts.material(settings);
    } catch (IOException e) {
      throw new ProviderException("cannot read the LXD client certificate for "
          + settings.endpoint().get() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Instance startInstance(ProviderContext context, InstanceSpec spec)
      throws ProviderException {
    LxdSettings settings = LxdSettings.from(context.settings());
    String name = InstanceNames.of(context.environmentUuid(), spec.machineId());
    String attempt = "cannot start machine " + spec.machineId() + " as LXD container " + name;
    LxdClient client = open(attempt, settings, context);
    boolean created = false;
    try {
      Map<String, Object> server = asMap(client.get("/1.0"));
      Optional<String> refusal = CreateRequests.refusal(spec, architectures(server));
      if (refusal.isPresent()) {
        throw new ProviderException(attempt + ": " + refusal.get());
      }
      boolean cloudInitKeys = stringList(server.get("api_extensions"))
          .contains(CreateRequests.CLOUD_INIT_EXTENSION);
      try {
        client.create(CreateRequests.body(name, context.environmentUuid(), spec, settings,
            cloudInitKeys));
        created = true;
      } catch (LxdException e) {
        if (!isNameClash(e)) {
          throw createFailure(attempt, settings, client, e);
        }
        // A retry of a start that was cut short (timeout, lost answer) finds the container it
        // created: that one is adopted, anything else under the name is refused.
        adopt(attempt, client, name, context.environmentUuid(), spec.machineId());
      }
      Map<String, Object> instance = client.instance(name);
      if (LxdInstances.state(instance.get("status")) != InstanceState.RUNNING) {
        client.changeState(name, "start", false);
        instance = client.instance(name);
      }
      List<String> addresses = awaitAddress(client, name);
      return LxdInstances.toInstance(instance, InstanceState.RUNNING, addresses);
    } catch (LxdException e) {
      throw cleanUp(client, name, created, LxdFailures.lxd(attempt, client, e));
    } catch (IOException e) {
      throw cleanUp(client, name, created, LxdFailures.transport(attempt, settings, e));
    } catch (InterruptedException e) {
      throw LxdFailures.interrupted(attempt + " (the container may exist: stop it to clean up)",
          e);
    }
  }

  @Override
  public void stopInstances(ProviderContext context, List<String> instanceIds)
      throws ProviderException {
    LxdSettings settings = LxdSettings.from(context.settings());
    LxdClient client = open("cannot stop instances " + instanceIds, settings, context);
    for (String name : instanceIds) {
      String attempt = "cannot stop LXD container " + name;
      try {
        stopAndDelete(client, context.environmentUuid(), name, attempt);
      } catch (LxdException e) {
        throw LxdFailures.lxd(attempt, client, e);
      } catch (IOException e) {
        throw LxdFailures.transport(attempt, settings, e);
      } catch (InterruptedException e) {
        throw LxdFailures.interrupted(attempt, e);
      }
    }
  }

  @Override
  public List<Instance> instances(ProviderContext context) throws ProviderException {
    LxdSettings settings = LxdSettings.from(context.settings());
    String attempt = "cannot list the LXD containers of environment " + context.environmentName();
    LxdClient client = open(attempt, settings, context);
    try {
      List<Instance> found = new ArrayList<>();
      for (Map<String, Object> instance : client.instances()) {
        if (!LxdInstances.belongsTo(instance, context.environmentUuid())) {
          continue;
        }
        InstanceState state = LxdInstances.state(instance.get("status"));
        List<String> addresses = List.of();
        if (state == InstanceState.RUNNING) {
          try {
            addresses = LxdInstances.addresses(client.state(String.valueOf(instance.get("name"))));
          } catch (LxdException e) {
            if (!e.isNotFound()) {
              throw e;
            }
            state = InstanceState.STOPPED; // deleted between the two calls
          }
        }
        found.add(LxdInstances.toInstance(instance, state, addresses));
      }
      found.sort((a, b) -> a.id().compareTo(b.id()));
      return found;
    } catch (LxdException e) {
      throw LxdFailures.lxd(attempt, client, e);
    } catch (IOException e) {
      throw LxdFailures.transport(attempt, settings, e);
    } catch (InterruptedException e) {
      throw LxdFailures.interrupted(attempt, e);
    }
  }

  /** Missing ids are ignored (a retry after a partial failure must succeed). */
  private static void stopAndDelete(LxdClient client, String environmentUuid, String name,
      String attempt) throws ProviderException, IOException, InterruptedException, LxdException {
    Map<String, Object> instance;
    try {
      instance = client.instance(name);
    } catch (LxdException e) {
      if (e.isNotFound()) {
        return;
      }
      throw e;
    }
    if (!LxdInstances.belongsTo(instance, environmentUuid)) {
      throw new ProviderException(attempt + ": it does not belong to this environment (its "
          + LxdInstances.ENVIRONMENT_KEY + " is not " + environmentUuid + "); left alone");
    }
    if (LxdInstances.state(instance.get("status")) != InstanceState.STOPPED
        || "stopping".equalsIgnoreCase(String.valueOf(instance.get("status")))) {
      try {
        client.changeState(name, "stop", true);
      } catch (LxdException e) {
        // Gone meanwhile, or stopped by someone else between the two calls: both are fine.
        if (!e.isNotFound() && !e.getMessage().toLowerCase().contains("already stopped")) {
          throw e;
        }
      }
    }
    try {
      client.delete(name);
    } catch (LxdException e) {
      if (!e.isNotFound()) {
        throw e;
      }
    }
  }

  private static List<String> awaitAddress(LxdClient client, String name)
      throws IOException, InterruptedException, LxdException {
    long deadline = System.nanoTime() + ADDRESS_TIMEOUT.toNanos();
    while (true) {
      List<String> addresses = LxdInstances.addresses(client.state(name));
      if (!addresses.isEmpty() || System.nanoTime() - deadline >= 0) {
        // No address in time: the container runs; hactl sees it without one and reports it.
        return addresses;
      }
      Thread.sleep(ADDRESS_POLL.toMillis());
    }
  }

  private static boolean isNameClash(LxdException e) {
    return e.code() == 409 || e.getMessage().toLowerCase().contains("already exists");
  }

  private static void adopt(String attempt, LxdClient client, String name,
      String environmentUuid, String machineId)
      throws ProviderException, IOException, InterruptedException, LxdException {
    Map<String, Object> existing = client.instance(name);
    Map<String, Object> config = LxdInstances.config(existing);
    if (!LxdInstances.belongsTo(existing, environmentUuid)
        || !machineId.equals(config.get(LxdInstances.MACHINE_KEY))) {
      throw new ProviderException(attempt + ": a container of that name already exists and"
          + " is not this machine's (" + LxdInstances.ENVIRONMENT_KEY + "="
          + config.getOrDefault(LxdInstances.ENVIRONMENT_KEY, "none") + ", "
          + LxdInstances.MACHINE_KEY + "=" + config.getOrDefault(LxdInstances.MACHINE_KEY, "none")
          + "); delete or rename it");
    }
  }

  private static ProviderException createFailure(String attempt, LxdSettings settings,
      LxdClient client, LxdException e) {
    String message = e.getMessage().toLowerCase();
    if (e.code() == 404 && message.contains("image")) {
      return new ProviderException(attempt + ": image " + settings.image() + " not found on LXD"
          + " at " + client.describe() + ": run " + LxdFailures.TEST_ENV_SCRIPT
          + " (tests), or import an image with that alias", e);
    }
    return LxdFailures.lxd(attempt, client, e);
  }

  /** Deletes a container that was created but could not start, then returns the failure. */
  private static ProviderException cleanUp(LxdClient client, String name, boolean created,
      ProviderException failure) {
    if (created) {
      try {
        client.changeState(name, "stop", true);
      } catch (IOException | LxdException e) {
        // it may never have started: the delete below is what matters
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failure;
      }
      try {
        client.delete(name);
      } catch (IOException | LxdException e) {
        failure.addSuppressed(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return failure;
  }

  private static LxdClient open(String attempt, LxdSettings settings, ProviderContext context)
      throws ProviderException {
    try {
      return LxdConnections.open(settings, context.credentials());
    } catch (IOException e) {
      throw new ProviderException(attempt + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static List<String> architectures(Map<String, Object> server) {
    return stringList(asMap(server.get("environment")).get("architectures"));
  }

  private static List<String> stringList(Object value) {
    return value instanceof List<?> list
        ? list.stream().map(String::valueOf).toList() : List.of();
  }
}
