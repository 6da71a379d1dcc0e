package io.hactl.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

  /** A provider that only declares its settings, so that the default validation is in play. */
  private static class DeclaringProvider implements Provider {
    @Override
    public String type() {
      return "mycloud";
    }

    @Override
    public List<ProviderSetting> settings() {
      return List.of(
          new ProviderSetting("region", "region to use, e.g. eu-west-1", true, false),
          new ProviderSetting("api-key", "API key", false, true));
    }

    @Override
    public Instance startInstance(ProviderContext context, InstanceSpec spec) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void stopInstances(ProviderContext context, List<String> instanceIds) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Instance> instances(ProviderContext context) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void defaultValidationAcceptsDeclaredSettings() {
    assertThat(new DeclaringProvider().validateSettings(
        Map.of("region", "eu-west-1", "api-key", "k"))).isEmpty();
  }

  @Test
  void defaultValidationReportsUnknownKeysAndMissingRequiredOnes() {
    assertThat(new DeclaringProvider().validateSettings(Map.of("regoin", "eu-west-1")))
        .extracting(SettingProblem::key, SettingProblem::message)
        .containsExactly(
            tuple("regoin", "unknown setting for provider mycloud; it accepts api-key, region"),
            tuple("region", "required by provider mycloud: region to use, e.g. eu-west-1"));
  }

  @Test
  void aProviderThatDeclaresNothingTakesNoSettings() {
    Provider bare = new DeclaringProvider() {
      @Override
      public List<ProviderSetting> settings() {
        return List.of();
      }
    };
    assertThat(bare.validateSettings(Map.of("x", "1")))
        .extracting(SettingProblem::message)
        .containsExactly("unknown setting for provider mycloud; it takes no settings");
  }
}
