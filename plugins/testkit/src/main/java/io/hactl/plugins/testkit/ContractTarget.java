package io.hactl.plugins.testkit;

import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What {@link ProviderContract} tests, and how to reach its backend: the provider (a packaged
 * plugin jar, the plugin's compiled classes packed into a jar, or an object), a {@link
 * ProviderContext} for a fresh environment, and the hooks for user data and a hung backend.
 *
 * <pre>{@code
 * ContractTarget.pluginFromClasses("acme-provider-mycloud")          // target/classes, via PF4J
 *     .context(env -> env.context(Map.of("endpoint", backend.url())))
 *     .userData((context, instance) -> backend.userDataOf(instance.id()))
 *     .hangingBackend((env, silent) -> env.context(Map.of("endpoint", silent.uri("http").toString())));
 * }</pre>
 *
 * <p>Loaded through PF4J, the provider's classes come from the plugin jar in their own class
 * loader, as in hactl: the test's own copy of those classes (on the test class path) is a
 * different class with its own static state, so hooks should read the backend, not the
 * provider's fields.
 *
 * <p>Two behaviours need an explicit answer, so that a provider never passes by silence: how to
 * read back user data ({@link #userData}) or why the provider takes none ({@link
 * #withoutUserData}); and how to make the backend hang ({@link #hangingBackend}) or why the
 * provider has no backend that can ({@link #withoutHangingBackend}).
 */
public final class ContractTarget {
  /** Builds the context of a fresh environment. */
  @FunctionalInterface
  public interface ContextFactory {
    ProviderContext create(ContractEnvironment environment) throws Exception;
  }

  /** Builds a context whose backend is the given silent endpoint, which never answers. */
  @FunctionalInterface
  public interface HangingContextFactory {
    ProviderContext create(ContractEnvironment environment, SilentEndpoint silent)
        throws Exception;
  }

  /** Reads back the user data the backend received for an instance (decoded, as sent). */
  @FunctionalInterface
  public interface UserDataReader {
    String read(ProviderContext context, Instance instance) throws Exception;
  }

  /** Builds the spec of an instance for a machine, with the given user data. */
  @FunctionalInterface
  public interface SpecFactory {
    InstanceSpec create(String machineId, String agentConfig, String userData);
  }

  /** A provider ready to call, and what to close when the test is done. */
  record Opened(String pluginId, Provider provider, ClassLoader loader, AutoCloseable resources) {}

  @FunctionalInterface
  private interface Source {
    Opened open() throws Exception;
  }

  private static final Map<String, Path> JARS_FROM_CLASSES = new ConcurrentHashMap<>();

  private final Source source;
  private ContextFactory context;
  private ContextFactory failingBackend;
  private UserDataReader userData;
  private String withoutUserData;
  private HangingContextFactory hangingBackend;
  private String withoutHangingBackend;
  private SpecFactory spec = ContractTarget::defaultSpec;
  private String unknownInstanceId = "hactl-contract-no-such-instance";
  private Duration callTimeout = Duration.ofSeconds(30);
  private Duration hangTimeout = Duration.ofSeconds(5);
  private Duration abandonedCallGrace = Duration.ofSeconds(15);
  private Duration settleTimeout = Duration.ofSeconds(60);

  private ContractTarget(Source source) {
    this.source = source;
  }

  /** A packaged plugin jar, loaded through PF4J as hactl loads it. */
  public static ContractTarget plugin(Path pluginJar) {
    Objects.requireNonNull(pluginJar, "pluginJar");
    return new ContractTarget(() -> open(LoadedPlugin.load(pluginJar)));
  }

  /**
   * The plugin's own compiled classes and resources in {@code target/classes} (tests run before
   * Maven packages the jar), packed into a plugin jar with the given id and loaded through PF4J.
   */
  public static ContractTarget pluginFromClasses(String pluginId) {
    return pluginFromClasses(pluginId, Path.of("target", "classes"));
  }

  /** As {@link #pluginFromClasses(String)}, from another folder of classes. */
  public static ContractTarget pluginFromClasses(String pluginId, Path classesDirectory) {
    Path classes = classesDirectory.toAbsolutePath().normalize();
    return new ContractTarget(() -> {
      Path jar = JARS_FROM_CLASSES.computeIfAbsent(pluginId + "|" + classes, key -> {
        try {
          Path folder = Files.createTempDirectory("hactl-contract-jar-");
          folder.toFile().deleteOnExit();
          Path built = PluginJar.named(pluginId).classesFrom(classes).writeTo(folder);
          built.toFile().deleteOnExit();
          return built;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return open(LoadedPlugin.load(jar));
    });
  }

  /**
   * A provider object used as is, without PF4J (quicker, but it does not prove the packaging).
   *
   * @param pluginId the id to name the plugin by in errors
   */
  public static ContractTarget provider(String pluginId, Supplier<? extends Provider> provider) {
    return new ContractTarget(() -> {
      Provider created = provider.get();
      return new Opened(pluginId, created, created.getClass().getClassLoader(), () -> { });
    });
  }

  /** Required: how to build the context of a fresh environment for the backend under test. */
  public ContractTarget context(ContextFactory factory) {
    this.context = Objects.requireNonNull(factory, "factory");
    return this;
  }

  /** How to read back the user data the backend received for an instance. */
  public ContractTarget userData(UserDataReader reader) {
    this.userData = Objects.requireNonNull(reader, "reader");
    return this;
  }

  /** Opts out of the user-data round trip, saying why (shown as the test's skip reason). */
  public ContractTarget withoutUserData(String reason) {
    this.withoutUserData = requireReason(reason);
    return this;
  }

  /**
   * How to point the provider at a backend that never answers: the kit passes a {@link
   * SilentEndpoint} on 127.0.0.1 to use as the provider's endpoint.
   */
  public ContractTarget hangingBackend(HangingContextFactory factory) {
    this.hangingBackend = Objects.requireNonNull(factory, "factory");
    return this;
  }

  /** Opts out of the hung-backend check, saying why (shown as the test's skip reason). */
  public ContractTarget withoutHangingBackend(String reason) {
    this.withoutHangingBackend = requireReason(reason);
    return this;
  }

  /**
   * A context under which the backend refuses to start an instance (bad credentials, a missing
   * image, ...). Without one, the kit asks the normal backend for an instance it cannot satisfy:
   * a zone that does not exist and constraints no machine meets.
   */
  public ContractTarget failingBackend(ContextFactory factory) {
    this.failingBackend = Objects.requireNonNull(factory, "factory");
    return this;
  }

  /** How the contract's instance specs are built; by default a plain machine, state port 37017. */
  public ContractTarget spec(SpecFactory factory) {
    this.spec = Objects.requireNonNull(factory, "factory");
    return this;
  }

  /** An instance id that looks valid to the backend but does not exist. */
  public ContractTarget unknownInstanceId(String instanceId) {
    this.unknownInstanceId = Objects.requireNonNull(instanceId, "instanceId");
    return this;
  }

  /** The host's bound on each call (default 30 s, as hactl's). */
  public ContractTarget callTimeout(Duration timeout) {
    this.callTimeout = positive(timeout);
    return this;
  }

  /**
   * The host's bound in the hung-backend check (default 5 s: long enough for a busy machine to
   * load an HTTP or TLS stack before the provider reaches the endpoint).
   */
  public ContractTarget hangTimeout(Duration timeout) {
    this.hangTimeout = positive(timeout);
    return this;
  }

  /**
   * How long a call abandoned by the host may take to return after it was interrupted (default
   * 15 s); a provider that never returns ties up a host thread for ever.
   */
  public ContractTarget abandonedCallGrace(Duration grace) {
    this.abandonedCallGrace = positive(grace);
    return this;
  }

  /** How long a started or stopped instance may take to show so in a listing (default 60 s). */
  public ContractTarget settleTimeout(Duration timeout) {
    this.settleTimeout = positive(timeout);
    return this;
  }

  /** The contract's default spec: a plain (non-controller) machine, no constraints, anywhere. */
  public static InstanceSpec defaultSpec(String machineId, String agentConfig, String userData) {
    return new InstanceSpec(machineId, false, agentConfig, userData, 37017, Constraints.NONE,
        Placement.ANYWHERE);
  }

  Opened open() throws Exception {
    if (context == null) {
      throw new IllegalStateException("the contract target has no context: call"
          + " .context(env -> ...) to say how to reach the backend");
    }
    return source.open();
  }

  ContextFactory context() {
    return context;
  }

  ContextFactory failingBackend() {
    return failingBackend;
  }

  UserDataReader userData() {
    return userData;
  }

  String withoutUserData() {
    return withoutUserData;
  }

  HangingContextFactory hangingBackend() {
    return hangingBackend;
  }

  String withoutHangingBackend() {
    return withoutHangingBackend;
  }

  SpecFactory spec() {
    return spec;
  }

  String unknownInstanceId() {
    return unknownInstanceId;
  }

  Duration callTimeout() {
    return callTimeout;
  }

  Duration hangTimeout() {
    return hangTimeout;
  }

  Duration abandonedCallGrace() {
    return abandonedCallGrace;
  }

  Duration settleTimeout() {
    return settleTimeout;
  }

  /** Unsatisfiable anywhere: a zone no provider has and constraints no machine meets. */
  static InstanceSpec unsatisfiable(SpecFactory spec, String machineId, String agentConfig) {
    InstanceSpec base = spec.create(machineId, agentConfig, "");
    return new InstanceSpec(base.machineId(), base.controller(), base.agentConfig(),
        base.userData(), base.statePort(),
        new Constraints(1L << 40, 65_536, 0, null, null, List.of("hactl-contract-no-such-tag")),
        new Placement("hactl-contract-no-such-zone"));
  }

  private static Opened open(LoadedPlugin plugin) {
    return new Opened(plugin.pluginId(), plugin.provider(), plugin.classLoader(), plugin);
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("say why the check does not apply to this provider");
    }
    return reason;
  }

  private static Duration positive(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("must be positive: " + duration);
    }
    return duration;
  }
}
