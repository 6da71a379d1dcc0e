package io.hactl.plugins.aws;

import io.hactl.plugin.api.ProviderException;
import io.hactl.plugin.api.ProviderSetting;
import io.hactl.plugin.api.SettingProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The AWS provider's settings from environments.yaml, validated. Credentials are named by
 * reference only ({@code credentials: env} or {@code profile: NAME}); no secret is ever a setting,
 * so the record holds none and its {@code toString} is safe.
 *
 * <pre>
 * region: us-east-1                 required
 * image-id: ami-0abcdef1234567890   required: the AMI every machine boots (it must run cloud-init)
 * credentials: env                  env (default: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
 *                                   optionally AWS_SESSION_TOKEN) or profile
 * profile: NAME                     a profile of ~/.aws/credentials or ~/.aws/config (implies
 *                                   credentials: profile)
 * endpoint: http://127.0.0.1:5000   an alternate EC2 endpoint (tests, private clouds)
 * vpc-id: vpc-0123abcd              a VPC for the security group and subnets (default: the
 *                                   region's default VPC)
 * default-instance-type: t3.small   the type used when no constraint asks for one
 * ingress-cidr: 203.0.113.0/24      CIDRs (comma separated) that may reach the controller ports
 *                                   besides the environment's own machines
 * </pre>
 */
record AwsSettings(
    String region,
    String imageId,
    CredentialSource credentials,
    String profile,
    Optional<URI> endpoint,
    Optional<String> vpcId,
    Optional<String> defaultInstanceType,
    List<String> ingressCidrs) {

  /** Where the access key comes from. */
  enum CredentialSource {
    ENV,
    PROFILE
  }

  static final String REGION = "region";
  static final String IMAGE_ID = "image-id";
  static final String CREDENTIALS = "credentials";
  static final String PROFILE = "profile";
  static final String ENDPOINT = "endpoint";
  static final String VPC_ID = "vpc-id";
  static final String DEFAULT_INSTANCE_TYPE = "default-instance-type";
  static final String INGRESS_CIDR = "ingress-cidr";

  /** The settings as {@code hactl providers} lists them; none holds a secret. */
  static final List<ProviderSetting> DECLARED = List.of(
      new ProviderSetting(REGION, "AWS region, e.g. us-east-1", true, false),
      new ProviderSetting(IMAGE_ID, "AMI every machine boots (it must run cloud-init),"
          + " e.g. ami-0abcdef1234567890", true, false),
      new ProviderSetting(CREDENTIALS, "where the access key comes from: env (AWS_ACCESS_KEY_ID,"
          + " AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN; the default) or profile", false, false),
      new ProviderSetting(PROFILE, "profile of ~/.aws/credentials or ~/.aws/config to read the"
          + " access key from, e.g. hactl (implies credentials: profile)", false, false),
      new ProviderSetting(ENDPOINT, "alternate EC2 endpoint URL, e.g. http://127.0.0.1:5000"
          + " for tests", false, false),
      new ProviderSetting(VPC_ID, "VPC for the security group and subnets, e.g. vpc-0123abcd"
          + " (default: the region's default VPC)", false, false),
      new ProviderSetting(DEFAULT_INSTANCE_TYPE, "instance type when no constraint asks for one,"
          + " e.g. t3.small (default: the cheapest type with 2 GiB)", false, false),
      new ProviderSetting(INGRESS_CIDR, "CIDRs, comma separated, that may reach the controller"
          + " ports besides the environment's own machines, e.g. 203.0.113.0/24", false, false));

  static final Set<String> KEYS = new TreeSet<>(DECLARED.stream().map(ProviderSetting::name)
      .toList());

  private static final Pattern REGION_NAME =
      Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}");
  private static final Pattern AMI = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");
  private static final Pattern VPC = Pattern.compile("vpc-([0-9a-f]{8}|[0-9a-f]{17})");
  private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");
  private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_.@+-]{1,64}");
  private static final Pattern CIDR =
      Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
          + "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])");

  AwsSettings {
    ingressCidrs = List.copyOf(ingressCidrs);
  }

  /** Every problem with the given settings, unknown keys first (sorted), then bad values. */
  static List<SettingProblem> validate(Map<String, String> settings) {
    List<SettingProblem> problems = new ArrayList<>();
    settings.keySet().stream().sorted().filter(key -> !KEYS.contains(key))
        .forEach(key -> problems.add(new SettingProblem(key,
            "unknown setting for provider aws; known settings: " + String.join(", ", KEYS))));
    required(settings, REGION, "an AWS region such as us-east-1", problems);
    check(settings, REGION, REGION_NAME, "an AWS region such as us-east-1", problems);
    required(settings, IMAGE_ID, "the AMI id machines boot, such as ami-0abcdef1234567890",
        problems);
    check(settings, IMAGE_ID, AMI, "an AMI id such as ami-0abcdef1234567890", problems);
    check(settings, VPC_ID, VPC, "a VPC id such as vpc-0123abcd", problems);
    check(settings, DEFAULT_INSTANCE_TYPE, INSTANCE_TYPE, "an EC2 instance type such as t3.small",
        problems);
    check(settings, PROFILE, PROFILE_NAME, "a profile name of ~/.aws/credentials", problems);
    String credentials = settings.get(CREDENTIALS);
    if (credentials != null && !credentials.equals("env") && !credentials.equals("profile")) {
      problems.add(new SettingProblem(CREDENTIALS,
          "must be env or profile; got \"" + credentials + "\""));
    } else if ("env".equals(credentials) && settings.containsKey(PROFILE)) {
      problems.add(new SettingProblem(PROFILE,
          "is used only with credentials: profile; remove it or set credentials: profile"));
    } else if ("profile".equals(credentials) && !settings.containsKey(PROFILE)) {
      problems.add(new SettingProblem(CREDENTIALS,
          "credentials: profile needs profile: NAME, the profile to read"));
    }
    String endpoint = settings.get(ENDPOINT);
    if (endpoint != null) {
      endpointProblem(endpoint).ifPresent(message ->
          problems.add(new SettingProblem(ENDPOINT, message)));
    }
    String cidrs = settings.get(INGRESS_CIDR);
    if (cidrs != null) {
      for (String cidr : split(cidrs)) {
        if (!CIDR.matcher(cidr).matches()) {
          problems.add(new SettingProblem(INGRESS_CIDR, "must be IPv4 CIDRs separated by commas,"
              + " such as 203.0.113.0/24; got \"" + cidr + "\""));
        }
      }
    }
    return problems;
  }

  /** The settings as a record; refuses invalid ones with the first problem. */
  static AwsSettings parse(Map<String, String> settings) throws ProviderException {
    List<SettingProblem> problems = validate(settings);
    if (!problems.isEmpty()) {
      SettingProblem first = problems.get(0);
      throw new ProviderException("invalid aws setting " + first.key() + ": " + first.message());
    }
    CredentialSource source = settings.containsKey(PROFILE)
        ? CredentialSource.PROFILE : CredentialSource.ENV;
    return new AwsSettings(settings.get(REGION), settings.get(IMAGE_ID), source,
        settings.get(PROFILE),
        Optional.ofNullable(settings.get(ENDPOINT)).map(URI::create),
        Optional.ofNullable(settings.get(VPC_ID)),
        Optional.ofNullable(settings.get(DEFAULT_INSTANCE_TYPE)),
        Optional.ofNullable(settings.get(INGRESS_CIDR)).map(AwsSettings::split)
            .orElse(List.of()));
  }

  /** How the credentials are named, for messages: never the credentials themselves. */
  String credentialsReference() {
    return credentials == CredentialSource.PROFILE
        ? "profile " + profile
        : "credentials: env (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)";
  }

  private static Optional<String> endpointProblem(String endpoint) {
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException e) {
      return Optional.of("must be a URL such as https://ec2.us-east-1.amazonaws.com; "
          + e.getReason());
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      return Optional.of(
          "must be an http or https URL such as https://ec2.us-east-1.amazonaws.com");
    }
    if (uri.getHost() == null) {
      return Optional.of("must name a host, such as https://ec2.us-east-1.amazonaws.com");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
      // A user:password part would be a secret in a setting, which hactl prints freely.
      return Optional.of("must not carry a user, password or query; credentials are given with "
          + "credentials: env or profile: NAME");
    }
    return Optional.empty();
  }

  private static void required(Map<String, String> settings, String key, String what,
      List<SettingProblem> problems) {
    if (!settings.containsKey(key)) {
      problems.add(new SettingProblem(key, "is required: " + what));
    }
  }

  private static void check(Map<String, String> settings, String key, Pattern pattern,
      String what, List<SettingProblem> problems) {
    String value = settings.get(key);
    if (value != null && !pattern.matcher(value).matches()) {
      problems.add(new SettingProblem(key, "must be " + what + "; got \"" + value + "\""));
    }
  }

  private static List<String> split(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).filter(item -> !item.isEmpty())
        .toList();
  }
}
