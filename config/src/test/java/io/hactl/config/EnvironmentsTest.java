package io.hactl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentsTest {

  private static final Path FILE = Path.of("environments.yaml");

  @Test
  void builtInIsOneLocalEnvironmentWithEmbeddedDbOnLoopback() throws ConfigException {
    Environments builtIn = Environments.builtIn();

    assertThat(builtIn.names()).containsExactly("local");
    assertThat(builtIn.source()).isNull();
    assertThat(builtIn.defaultEnvironment()).hasValue(builtIn.get("local"));
    assertThat(builtIn.get("local")).isEqualTo(new EnvironmentConfig("local", "local",
        ControllerDb.EMBEDDED, 0, "127.0.0.1", Map.of(), Map.of()));
  }

  @Test
  void getNamesTheKnownEnvironmentsWhenAskedForAnUnknownOne() throws ConfigException {
    Environments environments = parse("""
        environments:
          prod: {type: local}
          dev: {type: local}
        """);

    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> environments.get("staging"));

    assertThat(e.problems()).singleElement().extracting(ConfigProblem::message)
        .isEqualTo("unknown environment \"staging\"; known: prod, dev");
    assertThat(e.getMessage()).endsWith(
        "environments.yaml: environments: unknown environment \"staging\"; known: prod, dev");
  }

  @Test
  void defaultIsTheNamedOneElseTheOnlyOneElseNone() throws ConfigException {
    assertThat(parse("""
        default: dev
        environments:
          prod: {type: local}
          dev: {type: local}
        """).defaultEnvironment()).map(EnvironmentConfig::name).hasValue("dev");
    assertThat(parse("""
        environments:
          prod: {type: local}
        """).defaultEnvironment()).map(EnvironmentConfig::name).hasValue("prod");
    assertThat(parse("""
        environments:
          prod: {type: local}
          dev: {type: local}
        """).defaultEnvironment()).isEmpty();
  }

  @Test
  void keepsTheOrderGivenAndCannotBeChanged() {
    Map<String, EnvironmentConfig> given = new LinkedHashMap<>();
    for (String name : new String[] {"zeta", "alpha", "mid"}) {
      given.put(name, new EnvironmentConfig(name, "local", ControllerDb.EMBEDDED, 0, "127.0.0.1",
          Map.of(), Map.of()));
    }
    Environments environments = new Environments(null, given, FILE);
    given.clear();

    assertThat(environments.names()).containsExactly("zeta", "alpha", "mid");
    assertThatThrownBy(() -> environments.environments().remove("zeta"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsADefaultThatIsNotAnEnvironment() {
    assertThatThrownBy(() -> new Environments("ghost", Map.of(), FILE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost");
  }

  private static Environments parse(String yaml) throws ConfigException {
    return EnvironmentsLoader.parse(yaml, FILE);
  }
}
