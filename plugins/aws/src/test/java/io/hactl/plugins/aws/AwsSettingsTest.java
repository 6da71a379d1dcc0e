package io.hactl.plugins.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.plugin.api.ProviderException;
import io.hactl.plugin.api.SettingProblem;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsSettingsTest {
  private static Map<String, String> valid() {
    Map<String, String> settings = new HashMap<>();
    settings.put("region", "eu-west-1");
    settings.put("image-id", "ami-0abcdef1234567890");
    return settings;
  }

  @Test
  void acceptsTheSmallestValidSettingsAndDefaultsToEnvironmentCredentials() throws Exception {
    assertThat(AwsSettings.validate(valid())).isEmpty();
    AwsSettings settings = AwsSettings.parse(valid());
    assertThat(settings.credentials()).isEqualTo(AwsSettings.CredentialSource.ENV);
    assertThat(settings.endpoint()).isEmpty();
    assertThat(new AwsProvider().validateSettings(valid())).isEmpty();
  }

  @Test
  void acceptsEverySettingWithGoodValues() throws Exception {
    Map<String, String> settings = valid();
    settings.put("credentials", "profile");
    settings.put("profile", "hactl-ops");
    settings.put("endpoint", "https://ec2.eu-west-1.amazonaws.com");
    settings.put("vpc-id", "vpc-0123abcd");
    settings.put("default-instance-type", "m6i.large");
    settings.put("ingress-cidr", "203.0.113.0/24,198.51.100.7/32");

    assertThat(AwsSettings.validate(settings)).isEmpty();
    AwsSettings parsed = AwsSettings.parse(settings);
    assertThat(parsed.credentials()).isEqualTo(AwsSettings.CredentialSource.PROFILE);
    assertThat(parsed.ingressCidrs()).containsExactly("203.0.113.0/24", "198.51.100.7/32");
    assertThat(parsed.credentialsReference()).isEqualTo("profile hactl-ops");
  }

  @Test
  void reportsUnknownKeysAndMissingRequiredOnes() {
    Map<String, String> settings = new HashMap<>();
    settings.put("regoin", "eu-west-1");
    settings.put("access-key", "AKIA...");

    assertThat(AwsSettings.validate(settings)).extracting(SettingProblem::key)
        .containsExactly("access-key", "regoin", "region", "image-id");
    assertThat(AwsSettings.validate(settings).get(0).message()).isEqualTo("unknown setting for"
        + " provider aws; known settings: credentials, default-instance-type, endpoint, image-id,"
        + " ingress-cidr, profile, region, vpc-id");
  }

  @Test
  void reportsEveryBadValueWithWhatWouldBeRight() {
    Map<String, String> settings = new HashMap<>();
    settings.put("region", "Europe");
    settings.put("image-id", "ubuntu");
    settings.put("vpc-id", "default");
    settings.put("default-instance-type", "big");
    settings.put("credentials", "keys");
    settings.put("endpoint", "ftp://127.0.0.1");
    settings.put("ingress-cidr", "0.0.0.0/0, 10.0.0.300/8");

    assertThat(AwsSettings.validate(settings))
        .extracting(SettingProblem::key, SettingProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("region",
                "must be an AWS region such as us-east-1; got \"Europe\""),
            org.assertj.core.groups.Tuple.tuple("image-id",
                "must be an AMI id such as ami-0abcdef1234567890; got \"ubuntu\""),
            org.assertj.core.groups.Tuple.tuple("vpc-id",
                "must be a VPC id such as vpc-0123abcd; got \"default\""),
            org.assertj.core.groups.Tuple.tuple("default-instance-type",
                "must be an EC2 instance type such as t3.small; got \"big\""),
            org.assertj.core.groups.Tuple.tuple("credentials",
                "must be env or profile; got \"keys\""),
            org.assertj.core.groups.Tuple.tuple("endpoint",
                "must be an http or https URL such as https://ec2.us-east-1.amazonaws.com"),
            org.assertj.core.groups.Tuple.tuple("ingress-cidr", "must be IPv4 CIDRs separated"
                + " by commas, such as 203.0.113.0/24; got \"10.0.0.300/8\""));
  }

  @Test
  void refusesAnEndpointCarryingAPasswordWithoutRepeatingIt() {
    Map<String, String> settings = valid();
    settings.put("endpoint", "https://user:hunter2@ec2.example.com");

    assertThat(AwsSettings.validate(settings)).singleElement().satisfies(problem -> {
      assertThat(problem.key()).isEqualTo("endpoint");
      assertThat(problem.message()).doesNotContain("hunter2");
    });
  }

  @Test
  void checksThatCredentialsAndProfileAgree() {
    Map<String, String> envAndProfile = valid();
    envAndProfile.put("credentials", "env");
    envAndProfile.put("profile", "ops");
    Map<String, String> profileWithoutName = valid();
    profileWithoutName.put("credentials", "profile");

    assertThat(AwsSettings.validate(envAndProfile)).extracting(SettingProblem::message)
        .containsExactly("is used only with credentials: profile; remove it or set"
            + " credentials: profile");
    assertThat(AwsSettings.validate(profileWithoutName)).extracting(SettingProblem::message)
        .containsExactly("credentials: profile needs profile: NAME, the profile to read");
  }

  @Test
  void parseRefusesInvalidSettingsWithTheFirstProblem() {
    Map<String, String> settings = valid();
    settings.remove("region");

    assertThatThrownBy(() -> AwsSettings.parse(settings))
        .isInstanceOf(ProviderException.class)
        .hasMessage("invalid aws setting region: is required: an AWS region such as us-east-1");
  }
}
