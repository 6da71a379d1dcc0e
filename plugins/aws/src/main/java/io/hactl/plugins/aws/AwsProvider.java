package io.hactl.plugins.aws;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import io.hactl.plugin.api.ProviderSetting;
import io.hactl.plugin.api.SettingProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

/**
 * The AWS provider: each machine is an EC2 instance booted from the {@code image-id} AMI with
 * hactl's cloud-init user data, in the environment's security group, tagged with the
 * environment's uuid and its machine id. EC2 is the only record: {@link #instances} asks EC2 for
 * the environment's tagged instances, so any client finds what another started. Settings: see
 * {@link AwsSettings}; constraints: see {@link InstanceTypes}; zones: see {@link ZonePlacer}.
 *
 * <pre>
 * environments:
 *   prod:
 *     type: aws
 *     region: eu-west-1
 *     image-id: ami-0abcdef1234567890
 *     profile: hactl
 * </pre>
 *
 * <p>Every EC2 request is retried while EC2 throttles it, for at most 20 s, and stops when the
 * calling thread is interrupted; other failures become one-line messages ("credentials refused by
 * EC2 (AuthFailure): check that profile hactl holds a valid, active access key ...").
 */
@Extension
public final class AwsProvider implements Provider {
  /** The provider's type in environments.yaml. */
  public static final String TYPE = "aws";

  /** The state port a controller gets when hactl leaves the choice to the provider. */
  static final int DEFAULT_STATE_PORT = 37017;

  private static final Set<String> LIVE_STATES =
      Set.of("pending", "running", "shutting-down", "stopping", "stopped");

  private final Ec2Sessions sessions;

  /** The plugin as hactl loads it: credentials from hactl's environment, standard backoff. */
  public AwsProvider() {
    this(new Ec2Sessions(System::getenv, EndpointPolicy.fromSystemProperties(),
        Backoff.standard()));
  }

  /** With other sessions: another environment to read credentials from, another backoff. */
  AwsProvider(Ec2Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<ProviderSetting> settings() {
    return AwsSettings.DECLARED;
  }

  /** Unknown keys, missing required ones, and bad values, each with what would be right. */
  @Override
  public List<SettingProblem> validateSettings(Map<String, String> settings) {
    return AwsSettings.validate(settings);
  }

  /**
   * The access key id, secret access key and session token (if any) that {@code credentials:
   * env} or {@code profile: NAME} name, read on the client: controllers get them back in {@link
   * ProviderContext#credentials()} and use them instead of looking anywhere themselves.
   */
  @Override
  public Map<String, String> resolveCredentials(ProviderContext context)
      throws ProviderException {
    return sessions.resolveCredentials(AwsSettings.parse(context.settings()));
  }

  @Override
  public Instance startInstance(ProviderContext context, InstanceSpec spec)
      throws ProviderException {
    AwsSettings settings = AwsSettings.parse(context.settings());
    try (Ec2Session session = sessions.open(settings, context.credentials())) {
      Optional<Instance> running = described(session, context,
          List.of(Tags.filter("tag:" + Tags.MACHINE, spec.machineId())),
          "check whether machine " + spec.machineId() + " already has an instance")
          .stream().filter(instance -> instance.state() != InstanceState.STOPPED).findFirst();
      if (running.isPresent()) {
        throw new ProviderException("machine " + spec.machineId() + " already runs as instance "
            + running.get().id() + "; stop that instance first");
      }
      ImageFacts image = ImageFacts.describe(session);
      String type = InstanceTypes.choose(spec.constraints(), image.arch(),
          settings.defaultInstanceType());
      ZonePlacer.Target target = new ZonePlacer(session).place(spec.placement());
      int statePort = !spec.controller() ? 0
          : spec.statePort() > 0 ? spec.statePort() : DEFAULT_STATE_PORT;
      String group = new SecurityGroups(session).ensure(context.environmentName(),
          context.environmentUuid(), statePort);
      RunInstancesRequest request = LaunchRequest.build(context, spec, settings,
          new LaunchRequest.Plan(type, group, target, image, statePort));
      List<software.amazon.awssdk.services.ec2.model.Instance> started = session.calls().call(
          "start an instance for machine " + spec.machineId(), "RunInstances",
          () -> session.client().runInstances(request).instances());
      if (started.isEmpty()) {
        throw new ProviderException("cannot start an instance for machine " + spec.machineId()
            + ": EC2 accepted RunInstances but returned no instance; list instances to check");
      }
      return InstanceMapper.toInstance(started.get(0));
    }
  }

  @Override
  public void stopInstances(ProviderContext context, List<String> instanceIds)
      throws ProviderException {
    if (instanceIds.isEmpty()) {
      return;
    }
    AwsSettings settings = AwsSettings.parse(context.settings());
    try (Ec2Session session = sessions.open(settings, context.credentials())) {
      // Only ids that EC2 holds for this environment and that are not already gone: unknown ids
      // (and other environments' instances) are ignored, so a retry is always safe. Filtering by
      // instance-id, unlike naming ids, does not fail on an unknown id.
      for (int round = 0; round < 3; round++) {
        List<String> held = described(session, context,
            List.of(Tags.filter("instance-id", instanceIds)),
            "find instances " + String.join(", ", instanceIds))
            .stream().map(Instance::id).toList();
        if (held.isEmpty()) {
          return;
        }
        // InvalidInstanceID.NotFound: one vanished between the look and the terminate; look
        // again and terminate the rest.
        Optional<?> done = session.calls().callUnless(
            "terminate instances " + String.join(", ", held), "TerminateInstances",
            Set.of("InvalidInstanceID.NotFound"),
            () -> session.client().terminateInstances(request -> request.instanceIds(held)));
        if (done.isPresent()) {
          return;
        }
      }
    }
  }

  /**
   * Deletes the environment's security group {@code hactl-<uuid>} (found by its tag, else by its
   * name); none is success, so a retried destroy passes. EC2 refuses the delete with
   * DependencyViolation while terminated instances still hold the group, for up to a few minutes
   * after they terminate: the delete is retried like a throttled request (at most 20 s, stopped
   * by an interrupt), then fails saying to run destroy-environment again.
   */
  @Override
  public void releaseEnvironment(ProviderContext context) throws ProviderException {
    AwsSettings settings = AwsSettings.parse(context.settings());
    try (Ec2Session session = sessions.open(settings, context.credentials())) {
      new SecurityGroups(session).release(context.environmentUuid());
    }
  }

  /** The environment's instances, terminated ones excluded (EC2 shows them for a while). */
  @Override
  public List<Instance> instances(ProviderContext context) throws ProviderException {
    AwsSettings settings = AwsSettings.parse(context.settings());
    try (Ec2Session session = sessions.open(settings, context.credentials())) {
      return described(session, context, List.of(), "list instances");
    }
  }

  private static List<Instance> described(Ec2Session session, ProviderContext context,
      List<Filter> extra, String action) throws ProviderException {
    List<Filter> filters = new ArrayList<>(List.of(
        Tags.environment(context.environmentUuid()),
        Tags.filter("instance-state-name", List.copyOf(LIVE_STATES))));
    filters.addAll(extra);
    DescribeInstancesRequest request = DescribeInstancesRequest.builder().filters(filters).build();
    List<Reservation> reservations = session.calls().call(action, "DescribeInstances",
        () -> session.client().describeInstancesPaginator(request).stream()
            .flatMap(page -> page.reservations().stream()).toList());
    return reservations.stream()
        .flatMap(reservation -> reservation.instances().stream())
        .map(InstanceMapper::toInstance)
        .sorted(Comparator.comparing(Instance::machineId).thenComparing(Instance::id))
        .toList();
  }
}
