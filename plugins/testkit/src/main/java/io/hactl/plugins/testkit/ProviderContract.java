package io.hactl.plugins.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderSetting;
import io.hactl.plugin.api.SettingProblem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every hactl provider must have, as a JUnit 5 suite. A provider runs it with a
 * subclass that says what to test and how to reach its backend:
 *
 * <pre>{@code
 * class MyCloudProviderContractTest extends ProviderContract {
 *   @Override
 *   protected ContractTarget target() {
 *     return ContractTarget.pluginFromClasses("acme-provider-mycloud")
 *         .context(env -> env.context(Map.of("endpoint", Backend.url())))
 *         .userData((context, instance) -> Backend.userDataOf(instance.id()))
 *         .hangingBackend((env, silent) -> env.context(Map.of("endpoint", silent.uri("http").toString())));
 *   }
 * }
 * }</pre>
 *
 * <p>Start and reset the backend in the subclass ({@code @BeforeAll}, {@code @BeforeEach}); this
 * class's {@code @BeforeEach} runs first and only loads the provider. Every test gets a fresh
 * environment ({@link ContractEnvironment}: new uuid, empty storage folder), calls the provider
 * through a {@link HostGuard} exactly as hactl would (worker thread, timeout, plugin class loader),
 * and stops every instance it started afterwards.
 *
 * <p>What is checked: the provider's type and settings; start; the started instance listed with
 * its machine id and a live state; stop; stop twice; an unknown instance id, alone and beside a
 * real one; the user data round trip; that a hung backend is bounded by the host, reported with
 * the plugin's name, and that the provider gives up the call when interrupted; and that backend
 * errors are {@code ProviderException}s reported with the plugin's name, never echoing secrets.
 */
public abstract class ProviderContract {
  /** In every spec's agent config; no error message may repeat it. */
  private static final String SECRET_PREFIX = "contract-secret-";
  private static final Duration POLL = Duration.ofMillis(200);

  private ContractTarget target;
  private ContractTarget.Opened opened;
  private HostGuard host;
  private ContractEnvironment environment;
  private ProviderContext context;
  private final Set<String> started = new LinkedHashSet<>();
  private final Set<String> stopped = new HashSet<>();

  /**
   * What to test and how to reach its backend. Called once before each test, after the
   * subclass's {@code @BeforeAll} methods and before its {@code @BeforeEach} methods.
   */
  protected abstract ContractTarget target() throws Exception;

  @BeforeEach
  final void openProvider(@TempDir Path storage) throws Exception {
    target = target();
    opened = target.open();
    host = new HostGuard(opened.pluginId(), opened.provider(), opened.loader(),
        target.callTimeout());
    String uuid = UUID.randomUUID().toString();
    environment = new ContractEnvironment("contract" + uuid.substring(0, 8), uuid, storage);
  }

  @AfterEach
  final void stopWhatTheTestStarted() throws Exception {
    try {
      if (context != null) {
        // What the test started and did not stop itself, and whatever is still listed; never
        // ids the test already stopped (stopping twice is a test of its own).
        Set<String> leftovers = new LinkedHashSet<>(started);
        leftovers.removeAll(stopped);
        host.instances(context).forEach(instance -> leftovers.add(instance.id()));
        if (!leftovers.isEmpty()) {
          host.stopInstances(context, List.copyOf(leftovers));
        }
      }
    } finally {
      host.close();
      opened.resources().close();
    }
  }

  @Test
  public void providerHasATypeAndAcceptsTheSettingsOfItsContext() throws Exception {
    String type = opened.provider().type();
    assertNotNull(type, "type() must name the provider");
    assertTrue(type.matches("[a-z][a-z0-9-]*"), "type() must be lower-case letters, digits and"
        + " '-', as written in environments.yaml; got \"" + type + "\"");
    List<ProviderSetting> declared = host.settings();
    Set<String> names = new HashSet<>();
    for (ProviderSetting setting : declared) {
      assertTrue(names.add(setting.name()), "settings() lists " + setting.name() + " twice");
      assertFalse(setting.description().isBlank(),
          "settings() must describe " + setting.name() + "; hactl providers shows it");
    }
    ProviderContext valid = context();
    assertEquals(List.of(), host.validateSettings(valid.settings()),
        "the settings of the contract's context must be valid for the provider");
    Map<String, String> typo = new HashMap<>(valid.settings());
    typo.put("hactl-contract-no-such-setting", "1");
    assertTrue(host.validateSettings(typo).stream().map(SettingProblem::key)
            .anyMatch("hactl-contract-no-such-setting"::equals),
        "validateSettings must report a key the provider does not know, so typos never pass");
  }

  @Test
  public void startReturnsAnInstanceOfTheRequestedMachine() throws Exception {
    Instance instance = start("0");

    assertFalse(instance.id().isBlank(), "the instance needs an id");
    assertEquals("0", instance.machineId(), "the instance must carry the machine id it was"
        + " started for");
    assertTrue(instance.state() == InstanceState.PENDING
            || instance.state() == InstanceState.RUNNING,
        "a started instance is PENDING or RUNNING; got " + instance.state());
  }

  @Test
  public void listShowsTheStartedInstanceWithItsMachineIdAndALiveState() throws Exception {
    Instance instance = start("0");

    List<Instance> listed = awaitListing("instance " + instance.id() + " listed as PENDING or"
        + " RUNNING", instances -> find(instances, instance.id())
            .filter(found -> found.state() == InstanceState.PENDING
                || found.state() == InstanceState.RUNNING)
            .isPresent());
    Instance found = find(listed, instance.id()).orElseThrow();
    assertEquals("0", found.machineId(), "the listing must say which machine the instance runs");
    assertEquals(1, listed.size(), "a fresh environment with one started instance lists exactly"
        + " that instance (instances of other environments must not show); got " + listed);
  }

  @Test
  public void stopRemovesTheInstanceOrShowsItStopped() throws Exception {
    Instance instance = start("0");

    stop(List.of(instance.id()));

    awaitListing("instance " + instance.id() + " gone or STOPPED after stopInstances",
        instances -> isGone(instances, instance.id()));
  }

  @Test
  public void stoppingTwiceIsHarmless() throws Exception {
    Instance instance = start("0");
    stop(List.of(instance.id()));
    awaitListing("instance " + instance.id() + " gone or STOPPED after the first stop",
        instances -> isGone(instances, instance.id()));

    stop(List.of(instance.id()));

    assertTrue(isGone(host.instances(context()), instance.id()),
        "the instance came back after a second stop");
  }

  @Test
  public void anUnknownInstanceIsIgnoredByStopAndNeverListed() throws Exception {
    String unknown = target.unknownInstanceId();
    stop(List.of(unknown));
    assertTrue(find(host.instances(context()), unknown).isEmpty(),
        "stopping unknown instance " + unknown + " made it appear in the listing");

    Instance instance = start("0");
    stop(List.of(unknown));
    List<Instance> listed = awaitListing("instance " + instance.id() + " listed",
        instances -> find(instances, instance.id()).isPresent());
    assertTrue(find(listed, instance.id()).orElseThrow().state() != InstanceState.STOPPED,
        "stopping unknown instance " + unknown + " stopped " + instance.id() + " as well");

    stop(List.of(unknown, instance.id()));
    awaitListing("instance " + instance.id() + " gone or STOPPED when stopped beside an unknown"
        + " id", instances -> isGone(instances, instance.id()));
  }

  @Test
  public void userDataReachesTheBackendUnchanged() throws Exception {
    Assumptions.assumeTrue(target.withoutUserData() == null,
        () -> "provider takes no user data: " + target.withoutUserData());
    if (target.userData() == null) {
      fail("say how to read back the user data the backend received,"
          + " ContractTarget.userData((context, instance) -> ...), or why the provider takes"
          + " none, ContractTarget.withoutUserData(reason)");
    }
    Instance instance = start("0");

    String received = target.userData().read(context(), instance);

    assertEquals(userData(), received, "the backend must receive the user data byte for byte");
  }

  @Test
  public void aHungBackendIsBoundedByTheHostAndThePluginGivesUpTheCall() throws Exception {
    Assumptions.assumeTrue(target.withoutHangingBackend() == null,
        () -> "provider has no backend that can hang: " + target.withoutHangingBackend());
    if (target.hangingBackend() == null) {
      fail("say how to point the provider at a backend that never answers,"
          + " ContractTarget.hangingBackend((env, silent) -> ...), or why it has none,"
          + " ContractTarget.withoutHangingBackend(reason)");
    }
    Duration bound = target.hangTimeout();
    try (SilentEndpoint silent = SilentEndpoint.start();
        HostGuard impatient = new HostGuard(opened.pluginId(), opened.provider(),
            opened.loader(), bound)) {
      ProviderContext hung = target.hangingBackend().create(environment, silent);
      long begun = System.nanoTime();

      ProviderCallFailure failure = assertThrows(ProviderCallFailure.class,
          () -> impatient.instances(hung),
          "listing instances of a backend that never answers must not succeed");
      Duration took = Duration.ofNanos(System.nanoTime() - begun);

      assertEquals(ProviderCallFailure.Kind.TIMEOUT, failure.kind(),
          "the provider must wait for a backend that does not answer, not fail with: "
              + failure.getMessage());
      assertEquals(host.label() + " did not answer within " + HostGuard.format(bound)
          + " when asked to list instances; the plugin may be hung", failure.getMessage());
      assertTrue(took.compareTo(bound.plus(Duration.ofSeconds(2))) < 0,
          "the host took " + took.toMillis() + " ms to give up; bound " + bound.toMillis());
      assertTrue(silent.connections() > 0, "the provider never connected to the silent"
          + " endpoint " + silent.uri("tcp") + ": the hangingBackend context does not point it"
          + " there");
      await("the abandoned call to return within " + target.abandonedCallGrace().toSeconds()
              + "s of the host's interrupt (honour Thread.interrupt() or set timeouts on the"
              + " backend client: a call that never returns ties up a host thread for ever)",
          target.abandonedCallGrace(), () -> impatient.runningCalls() == 0);
    }
  }

  @Test
  public void backendErrorsAreProviderExceptionsNamedAfterThePluginWithoutSecrets()
      throws Exception {
    boolean refusingBackend = target.failingBackend() != null;
    ProviderContext failing = refusingBackend
        ? target.failingBackend().create(environment) : context();
    InstanceSpec spec = refusingBackend
        ? target.spec().create("9", agentConfig(), userData())
        : ContractTarget.unsatisfiable(target.spec(), "9", agentConfig());

    ProviderCallFailure failure;
    try {
      Instance instance = host.startInstance(failing, spec);
      started.add(instance.id());
      context();
      throw new AssertionError(refusingBackend
          ? "the failingBackend context did not make startInstance fail"
          : "the provider started instance " + instance.id() + " for an unsatisfiable request ("
              + spec.placement() + ", " + spec.constraints() + "): refuse what cannot be"
              + " satisfied with a ProviderException");
    } catch (ProviderCallFailure e) {
      failure = e;
    }

    String prefix = host.label() + " could not start instance for machine 9: ";
    assertEquals(ProviderCallFailure.Kind.PROVIDER_ERROR, failure.kind(),
        "a backend error must be thrown as a ProviderException, not: " + failure.getMessage());
    assertTrue(failure.getMessage().startsWith(prefix), failure.getMessage());
    assertFalse(failure.getMessage().substring(prefix.length()).isBlank(),
        "the ProviderException must say what went wrong");
    assertFalse(failure.getMessage().contains(SECRET_PREFIX), "the error repeats the agent"
        + " config, which holds secrets: " + failure.getMessage());
  }

  /** The context of this test's environment, created on first use. */
  private ProviderContext context() throws Exception {
    if (context == null) {
      context = target.context().create(environment);
    }
    return context;
  }

  private Instance start(String machineId) throws Exception {
    Instance instance = host.startInstance(context(),
        target.spec().create(machineId, agentConfig(), userData()));
    started.add(instance.id());
    return instance;
  }

  private void stop(List<String> instanceIds) throws Exception {
    host.stopInstances(context(), instanceIds);
    stopped.addAll(instanceIds);
  }

  private String agentConfig() {
    return "# agent config for the provider contract; it holds secrets\n"
        + "secret: " + SECRET_PREFIX + environment.uuid() + "\n";
  }

  /** Realistic and harmless cloud-init user data, unique per environment. */
  private String userData() {
    return "#cloud-config\n"
        + "# hactl provider contract, environment " + environment.uuid() + "\n"
        + "write_files:\n"
        + "  - path: /var/lib/hactl-contract/environment\n"
        + "    content: \"" + environment.uuid() + "\\n\"\n";
  }

  private static Optional<Instance> find(List<Instance> instances, String id) {
    return instances.stream().filter(instance -> instance.id().equals(id)).findFirst();
  }

  private static boolean isGone(List<Instance> instances, String id) {
    return find(instances, id).map(instance -> instance.state() == InstanceState.STOPPED)
        .orElse(true);
  }

  /** Lists until the listing satisfies {@code condition} or the settle timeout passes. */
  private List<Instance> awaitListing(String what, Predicate<List<Instance>> condition)
      throws Exception {
    List<List<Instance>> last = new ArrayList<>(List.of(List.of()));
    ProviderContext listed = context();
    await(what, target.settleTimeout(), () -> {
      List<Instance> instances = host.instances(listed);
      last.set(0, instances);
      return condition.test(instances);
    }, () -> "; last listing: " + last.get(0));
    return last.get(0);
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    await(what, timeout, condition, () -> "");
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition,
      java.util.function.Supplier<String> observed) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("awaited " + what + " for " + HostGuard.format(timeout) + observed.get());
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
