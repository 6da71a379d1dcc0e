package io.hactl.core.environment.internal;

import io.hactl.config.EnvironmentConfig;
import io.hactl.config.SourceLocation;
import io.hactl.core.HactlException;
import io.hactl.core.InstallLayout;
import io.hactl.core.environment.AddMachineResult;
import io.hactl.core.environment.BootstrapResult;
import io.hactl.core.environment.CredentialsUpdate;
import io.hactl.core.environment.DestroyResult;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.core.environment.RemoveMachineResult;
import io.hactl.core.logs.LogService;
import io.hactl.core.logs.internal.DefaultLogService;
import io.hactl.core.membership.EnableHaRequest;
import io.hactl.core.membership.EnableHaResult;
import io.hactl.core.state.StateException;
import io.hactl.core.provider.GuardedProvider;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.StatusFeed;
import io.hactl.core.store.ClientStore;
import io.hactl.core.store.EnvironmentRecordFile;
import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.SettingProblem;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The usual {@link EnvironmentClient}: one per environment, state opened on first use. */
public final class DefaultEnvironmentClient implements EnvironmentClient {

  private static final int DESTROY_ROUNDS = 3;

  private final EnvironmentContext env;
  private final StateConnection state;

  private DefaultEnvironmentClient(EnvironmentContext env) {
    this.env = env;
    this.state = new StateConnection(env);
  }

  /**
   * A client for one environment, once its provider has accepted the environment's settings:
   * a typo in a provider setting is reported before any command acts.
   */
  public static DefaultEnvironmentClient open(EnvironmentConfig config, GuardedProvider provider,
      ClientStore store, InstallLayout layout) throws HactlException {
    List<SettingProblem> problems = provider.validateSettings(config.providerSettings());
    if (!problems.isEmpty()) {
      throw HactlException.badInput(describe(config, problems));
    }
    return new DefaultEnvironmentClient(new EnvironmentContext(config, provider, store, layout));
  }

  private static String describe(EnvironmentConfig config, List<SettingProblem> problems) {
    StringBuilder message = new StringBuilder("invalid settings for environment ")
        .append(config.name()).append(": ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    for (SettingProblem problem : problems) {
      SourceLocation where = config.locations().get(problem.key());
      message.append('\n');
      if (where != null) {
        message.append(where.file()).append(':').append(where.line()).append(':')
            .append(where.column()).append(": ").append(where.yamlPath()).append(": ");
      } else {
        message.append(problem.key()).append(": ");
      }
      message.append(problem.message());
    }
    return message.toString();
  }

  @Override
  public String environmentName() {
    return env.name();
  }

  @Override
  public BootstrapResult bootstrap() throws HactlException {
    return new Bootstrapper(env).bootstrap();
  }

  @Override
  public EnvironmentStatus status() throws HactlException {
    return new StatusReader(env, state, Clock.systemUTC()).read();
  }

  @Override
  public AddMachineResult addMachines(int count) throws HactlException {
    return new MachineOperations(env, state).add(count, Map.of(), List.of());
  }

  @Override
  public AddMachineResult addMachines(int count, Map<String, String> constraints,
      List<Placement> placements) throws HactlException {
    return new MachineOperations(env, state).add(count, constraints, placements);
  }

  @Override
  public EnableHaResult enableHa(EnableHaRequest request, Map<String, String> constraints)
      throws HactlException {
    return enableHa(request, constraints, List.of());
  }

  @Override
  public EnableHaResult enableHa(EnableHaRequest request, Map<String, String> constraints,
      List<Placement> placements) throws HactlException {
    EnvironmentRecordFile record = env.requireBootstrapped();
    HactlException noQuorum =
        QuorumProbe.refuseWithoutQuorum("enable-ha", env.name(), record.stateAddresses());
    if (noQuorum != null) {
      throw noQuorum;
    }
    try {
      return new EnableHaOperation(env.name(), state.store(), Clock.systemUTC())
          .enableHa(request, constraints, placements);
    } catch (StateException e) {
      throw QuorumProbe.explain("enable-ha", env.name(), record.stateAddresses(), e);
    }
  }

  @Override
  public CredentialsUpdate updateCredentials() throws HactlException {
    return new CredentialsUpdater(env, state, Clock.systemUTC()).update();
  }

  @Override
  public RemoveMachineResult removeMachines(List<String> machineIds, boolean force)
      throws HactlException {
    return new MachineOperations(env, state).remove(machineIds, force);
  }

  /**
   * Asks the provider, not state, what to stop: state may be unreachable, and an instance
   * started by a bootstrap that failed half-way is known only to the provider. A master may
   * start an instance between the listing and its own stop, so destroy lists again until the
   * provider reports none; then the provider releases what it made for the environment as a
   * whole (a security group, say), and only then is the environment forgotten, so a failed
   * release can be retried.
   */
  @Override
  public DestroyResult destroy() throws HactlException {
    EnvironmentRecordFile record = env.store().environmentRecord(env.name())
        .orElseThrow(() -> HactlException.badInput("cannot destroy environment " + env.name()
            + ": it is not bootstrapped"));
    state.close();
    ProviderContext context = env.providerContext(record.uuid());
    List<String> stopped = new ArrayList<>();
    for (int round = 0; round < DESTROY_ROUNDS; round++) {
      List<String> ids = env.provider().instances(context).stream().map(Instance::id).toList();
      if (ids.isEmpty()) {
        env.provider().releaseEnvironment(context);
        env.store().forget(env.name());
        return new DestroyResult(env.name(), stopped);
      }
      env.provider().stopInstances(context, ids);
      stopped.addAll(ids);
    }
    throw HactlException.failure("cannot destroy environment " + env.name() + ": the provider"
        + " still lists instances after " + DESTROY_ROUNDS + " rounds of stopping; run"
        + " destroy-environment again", null);
  }

  @Override
  public StatusFeed watch(Duration interval) {
    return new PollingStatusFeed(this::status, interval);
  }

  @Override
  public LogService logs() throws HactlException {
    env.requireBootstrapped();
    return new DefaultLogService(new ControllerLogSource(state), new Random());
  }

  @Override
  public void close() {
    state.close();
  }
}
