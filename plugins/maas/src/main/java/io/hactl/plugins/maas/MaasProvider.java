package io.hactl.plugins.maas;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import io.hactl.plugin.api.ProviderSetting;
import io.hactl.plugin.api.SettingProblem;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/**
 * Machines from a MAAS region through its 2.0 REST API ({@code <endpoint>/api/2.0/}), signed with
 * OAuth 1.0a PLAINTEXT from the user's API key. Settings: see {@code MaasSettings}
 * ({@code endpoint}, {@code api-key}, optional {@code distro-series}).
 *
 * <p>Starting an instance allocates a machine ({@code agent_name} = the environment's uuid, so
 * the environment's machines can be listed by owner), labels it with the hactl machine id
 * ({@code owner_data}), and deploys it with hactl's cloud-init user data. If labelling or
 * deploying fails, the machine is released again, so that a failed start never leaks a machine.
 * An allocation whose answer never came (the call was interrupted, or the connection failed)
 * leaves a machine MAAS allocated but hactl never labelled: it is looked for and released at
 * once, and any such orphan is released by the next start and listed (machine id empty, detail
 * {@code orphan}) so that {@code destroy-environment} releases it.
 * A start for a machine that already has a pending or running instance is refused, so that a
 * retried start never allocates a second one.
 * Stopping releases; ids that MAAS no longer lists for this environment are ignored, so a retry is
 * safe and never releases a machine that meanwhile went to someone else.
 *
 * <p>No state is kept between calls: MAAS itself is the record, so any client or controller with
 * the settings sees the same instances.
 */
@Extension
public final class MaasProvider implements Provider {
  /** The provider's type in environments.yaml. */
  public static final String TYPE = "maas";

  /** Owner-data key holding the hactl machine id. */
  static final String MACHINE_ID_KEY = "hactl-machine-id";
  /** Owner-data key holding the state port the controller's member listens on. */
  static final String STATE_PORT_KEY = "hactl-state-port";
  /** Owner-data key holding the environment's name, for people reading MAAS's UI. */
  static final String ENVIRONMENT_KEY = "hactl-environment";

  private final Clock clock;
  private final RetryPolicy retryPolicy;
  private final Function<String, String> environment;
  private volatile HttpClient http;

  /** The provider PF4J instantiates. */
  public MaasProvider() {
    this(Clock.systemUTC(), RetryPolicy.DEFAULT);
  }

  MaasProvider(Clock clock, RetryPolicy retryPolicy) {
    this(clock, retryPolicy, System::getenv);
  }

  /** @param environment hactl's environment, for {@code api-key: env:NAME} */
  MaasProvider(Clock clock, RetryPolicy retryPolicy, Function<String, String> environment) {
    this.clock = clock;
    this.retryPolicy = retryPolicy;
    this.environment = environment;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<ProviderSetting> settings() {
    return MaasSettings.DECLARED;
  }

  /** Unknown and missing keys (the SPI's check), then the values: URL, key format, series. */
  @Override
  public List<SettingProblem> validateSettings(Map<String, String> settings) {
    List<SettingProblem> problems = new ArrayList<>(Provider.super.validateSettings(settings));
    problems.addAll(MaasSettings.valueProblems(settings));
    problems.sort(Comparator.comparing(SettingProblem::key));
    return List.copyOf(problems);
  }

  /**
   * The API key, as the {@code api-key} setting gives it on the client (the key itself, or the
   * variable {@code env:NAME} names): controllers get it back in {@link
   * ProviderContext#credentials()}, where no such variable exists.
   */
  @Override
  public Map<String, String> resolveCredentials(ProviderContext context)
      throws ProviderException {
    MaasSettings settings = MaasSettings.from(context.settings(),
        validateSettings(context.settings()), Map.of(), environment);
    return Map.of(MaasSettings.API_KEY, settings.apiKey().consumerKey() + ":"
        + settings.apiKey().tokenKey() + ":" + settings.apiKey().tokenSecret());
  }

  @Override
  public Instance startInstance(ProviderContext context, InstanceSpec spec)
      throws ProviderException {
    MaasSettings settings = settingsOf(context);
    if (spec.constraints().instanceTypeIfSet().isPresent()) {
      throw new ProviderException("MAAS has no instance types, so instance-type="
          + spec.constraints().instanceType() + " cannot be satisfied for machine "
          + spec.machineId() + "; use mem=, cores=, arch=, root-disk= and tags= instead");
    }
    MachinesApi api = api(settings);
    List<MaasMachine> present = api.list(context.environmentUuid(), List.of());
    refuseSecondLiveMachine(present, context, spec.machineId());
    // Machines an interrupted start left allocated but unlabelled: nobody else would release
    // them (hactl knows instances by their machine id), so the next start does.
    releaseOrphans(api, orphans(present), context);
    MaasMachine allocated;
    try {
      allocated = api.allocate(spec.constraints(), spec.placement(),
          context.environmentUuid(), "hactl machine " + spec.machineId() + " of environment "
              + context.environmentName());
    } catch (ProviderException e) {
      if (!outcomeUnknown(e)) {
        throw e;
      }
      // The request may have reached MAAS, which then allocated a machine whose system id
      // never arrived: look for it now rather than at the next start.
      throw new ProviderException(e.getMessage() + "; " + releaseOrphansAfter(api, context), e);
    }
    String systemId = allocated.systemId();
    try {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put(MACHINE_ID_KEY, spec.machineId());
      labels.put(ENVIRONMENT_KEY, context.environmentName());
      if (spec.statePort() > 0) {
        labels.put(STATE_PORT_KEY, Integer.toString(spec.statePort()));
      }
      api.setOwnerData(systemId, labels);
      String userData = spec.userData().isEmpty() ? "" : Base64.getEncoder()
          .encodeToString(spec.userData().getBytes(StandardCharsets.UTF_8));
      MaasMachine deploying = api.deploy(systemId, userData, settings.distroSeries());
      return toInstance(deploying, spec.machineId(), spec.statePort());
    } catch (ProviderException | RuntimeException e) {
      // Whatever went wrong after allocation, the machine goes back to MAAS.
      String why = e instanceof ProviderException ? e.getMessage()
          : "unexpected failure after allocating MAAS machine " + systemId + ": " + e;
      throw new ProviderException(why + "; " + releaseAfterFailure(api, systemId,
          spec.machineId()), e);
    }
  }

  @Override
  public void stopInstances(ProviderContext context, List<String> instanceIds)
      throws ProviderException {
    if (instanceIds.isEmpty()) {
      return;
    }
    MaasSettings settings = settingsOf(context);
    MachinesApi api = api(settings);
    // Only machines MAAS still lists under this environment's agent_name are released: an id
    // already released (and perhaps allocated by someone else since) is left alone.
    Set<String> ours = api.list(context.environmentUuid(), List.copyOf(instanceIds)).stream()
        .map(MaasMachine::systemId)
        .collect(Collectors.toSet());
    // One machine that cannot be released does not keep the others: each is tried, and every
    // failure is reported together (an interrupt ends the loop at once).
    List<String> failures = new ArrayList<>();
    for (String id : instanceIds) {
      if (ours.contains(id)) {
        try {
          api.release(id, "released by hactl environment " + context.environmentName());
        } catch (ProviderException e) {
          if (Thread.currentThread().isInterrupted()) {
            throw e;
          }
          failures.add(e.getMessage());
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new ProviderException(String.join("; ", failures));
    }
  }

  /**
   * The environment's machines. One an interrupted start left unlabelled is listed too, with no
   * machine id and the detail {@code orphan}, so that {@code destroy-environment} (which stops
   * every listed instance) releases it; the next start releases it as well.
   */
  @Override
  public List<Instance> instances(ProviderContext context) throws ProviderException {
    MaasSettings settings = settingsOf(context);
    return api(settings).list(context.environmentUuid(), List.of()).stream()
        .map(machine -> {
          Instance instance = toInstance(machine,
              machine.ownerData().getOrDefault(MACHINE_ID_KEY, ""), statePort(machine));
          return isOrphan(machine) ? asOrphan(instance) : instance;
        })
        .toList();
  }

  private static Instance asOrphan(Instance instance) {
    Map<String, String> details = new LinkedHashMap<>(instance.details());
    details.put("orphan", "allocated by a start interrupted before labelling it; the next"
        + " start or destroy-environment releases it");
    return new Instance(instance.id(), instance.machineId(), instance.state(),
        instance.addresses(), instance.ports(), details);
  }

  /**
   * A retry of a start whose answer was lost must not allocate a second machine for the same
   * hactl machine: as the local provider does, refuse while one is pending or running.
   */
  private static void refuseSecondLiveMachine(List<MaasMachine> present,
      ProviderContext context, String machineId) throws ProviderException {
    for (MaasMachine machine : present) {
      InstanceState state = StatusMapping.stateOf(machine);
      if (machineId.equals(machine.ownerData().get(MACHINE_ID_KEY))
          && (state == InstanceState.PENDING || state == InstanceState.RUNNING)) {
        throw new ProviderException("machine " + machineId + " already runs as MAAS machine "
            + machine.systemId() + " (" + machine.describeStatus() + ") in environment "
            + context.environmentName() + "; stop that instance first");
      }
    }
  }

  /**
   * The environment's Allocated machines without a hactl machine id: allocated (under the
   * environment's {@code agent_name}) by a start that was interrupted or failed before it could
   * label them. MAAS's allocate takes no owner data (only {@code agent_name} and a {@code
   * comment}, which no listing returns), so every machine is unlabelled between the two calls;
   * labelling comes before deploying, so only an Allocated machine can be one.
   */
  static List<MaasMachine> orphans(List<MaasMachine> present) {
    return present.stream().filter(MaasProvider::isOrphan).toList();
  }

  private static boolean isOrphan(MaasMachine machine) {
    String id = machine.ownerData().get(MACHINE_ID_KEY);
    return machine.status() == StatusMapping.ALLOCATED && (id == null || id.isBlank());
  }

  /** Releases each orphan; one that cannot be released is left for the next start. */
  private static int releaseOrphans(MachinesApi api, List<MaasMachine> orphans,
      ProviderContext context) throws ProviderException {
    int released = 0;
    for (MaasMachine orphan : orphans) {
      try {
        if (api.release(orphan.systemId(), "released by hactl environment "
            + context.environmentName() + ": allocated by a start that never labelled it")) {
          released++;
        }
      } catch (ProviderException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw e;
        }
      }
    }
    return released;
  }

  /** Whether a failed request may still have been carried out by MAAS: no answer was read. */
  private static boolean outcomeUnknown(ProviderException e) {
    return e instanceof MaasClient.Unanswered;
  }

  /**
   * After an allocation whose answer never came: releases the environment's unlabelled machines,
   * with the interrupt flag cleared for the calls (HttpClient refuses to wait while it is set)
   * and restored afterwards. Says how that went, for the error message.
   */
  private static String releaseOrphansAfter(MachinesApi api, ProviderContext context) {
    boolean interrupted = Thread.interrupted();
    try {
      List<MaasMachine> orphans = orphans(api.list(context.environmentUuid(), List.of()));
      if (orphans.isEmpty()) {
        return "MAAS lists no machine that allocation left behind";
      }
      int released = releaseOrphans(api, orphans, context);
      return "released " + released + " of " + orphans.size() + " unlabelled MAAS machine"
          + (orphans.size() == 1 ? "" : "s") + " it may have allocated ("
          + String.join(", ", orphans.stream().map(MaasMachine::systemId).toList())
          + (released < orphans.size() ? "; the next start or destroy-environment releases the"
              + " rest)" : ")");
    } catch (ProviderException | RuntimeException e) {
      return "could not look for a machine it may have allocated (" + e.getMessage()
          + "); the next start or destroy-environment releases it";
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The settings of a call: on a controller, the API key hactl handed back in the context
   * (resolved on the client by {@link #resolveCredentials}); elsewhere the setting's.
   */
  private MaasSettings settingsOf(ProviderContext context) throws ProviderException {
    return MaasSettings.from(context.settings(), validateSettings(context.settings()),
        context.credentials(), environment);
  }

  /** Releases a machine whose start failed; says how that went, for the error message. */
  private static String releaseAfterFailure(MachinesApi api, String systemId, String machineId) {
    // An interrupted start must still give the machine back: clear the flag for the release
    // call (HttpClient refuses to wait while it is set) and restore it afterwards.
    boolean interrupted = Thread.interrupted();
    try {
      return api.release(systemId, "hactl could not start machine " + machineId)
          ? "MAAS machine " + systemId + " was released again"
          : "MAAS no longer knows machine " + systemId + ", so nothing was left to release";
    } catch (ProviderException | RuntimeException releaseFailure) {
      return "releasing MAAS machine " + systemId + " failed too (" + releaseFailure.getMessage()
          + "); release it in MAAS by hand";
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int statePort(MaasMachine machine) {
    try {
      return Integer.parseInt(machine.ownerData().getOrDefault(STATE_PORT_KEY, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Instance toInstance(MaasMachine machine, String machineId, int statePort) {
    Map<String, Integer> ports = new HashMap<>();
    if (statePort > 0) {
      ports.put(Instance.STATE_PORT, statePort);
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("hostname", machine.hostname());
    details.put("status", machine.describeStatus());
    details.put("zone", machine.zone());
    details.put("power", machine.powerState());
    details.values().removeIf(String::isEmpty);
    // Best first: agents and clients reach controllers over IPv4 where a machine has both.
    List<String> addresses = machine.ipAddresses().stream()
        .sorted(Comparator.comparing((String address) -> address.contains(":")))
        .toList();
    return new Instance(machine.systemId(), machineId, StatusMapping.stateOf(machine),
        addresses, ports, details);
  }

  private MachinesApi api(MaasSettings settings) {
    MaasClient client = new MaasClient(settings,
        new OAuthPlaintextSigner(settings.apiKey(), clock), retryPolicy, http());
    return new MachinesApi(client, settings);
  }

  /** Created on first use, so that merely loading the plugin starts no threads. */
  private HttpClient http() {
    HttpClient client = http;
    if (client == null) {
      synchronized (this) {
        client = http;
        if (client == null) {
          client = HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
          http = client;
        }
      }
    }
    return client;
  }
}
