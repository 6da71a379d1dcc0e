package io.hactl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid files, defaults, and where configuration comes from when there is no file. */
class EnvironmentsLoaderTest {

  private static final Path FILE = Path.of("environments.yaml");

  @Test
  void readsEveryKeyOfAValidFileAndAppliesDefaults() throws ConfigException {
    Environments environments = EnvironmentsLoader.parse("""
        default: prod
        environments:
          prod:
            type: local
            controller-db: mongod
            state-port: 37018
            bind-address: "::1"
            log-level: debug
            region: eu-west-1
            replicas: 3
          lab:
            type: lxd
        """, FILE);

    assertThat(environments.names()).containsExactly("prod", "lab");
    assertThat(environments.defaultName()).isEqualTo("prod");
    assertThat(environments.source()).isEqualTo(FILE);
    EnvironmentConfig prod = environments.environments().get("prod");
    assertThat(prod).isEqualTo(new EnvironmentConfig("prod", "local", ControllerDb.MONGOD, 37018,
        "::1", Map.of("log-level", "debug", "region", "eu-west-1", "replicas", "3"),
        prod.locations()));
    assertThat(prod.providerSettings().keySet())
        .containsExactly("log-level", "region", "replicas");
    EnvironmentConfig lab = environments.environments().get("lab");
    assertThat(lab.controllerDb()).isEqualTo(ControllerDb.EMBEDDED);
    assertThat(lab.statePort()).as("default port away from the local provider").isEqualTo(37017);
    assertThat(lab.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(lab.providerSettings()).isEmpty();
  }

  @Test
  void givesTheLocalProviderPortZeroSoItPicksFreePorts() throws ConfigException {
    EnvironmentConfig local = EnvironmentsLoader.parse("""
        environments:
          dev: {type: local}
        """, FILE).environments().get("dev");

    assertThat(local.statePort()).isZero();
  }

  @Test
  void recordsWhereEachKeyOfAnEnvironmentWasWritten() throws ConfigException {
    EnvironmentConfig prod = EnvironmentsLoader.parse("""
        environments:
          prod:
            type: local
            region: eu-west-1
        """, FILE).environments().get("prod");

    assertThat(prod.locations()).containsExactly(
        Map.entry("type", new SourceLocation(FILE, 3, 5, "environments.prod.type")),
        Map.entry("region", new SourceLocation(FILE, 4, 5, "environments.prod.region")));
  }

  @Test
  void acceptsQuotedPortsAndYamlIntegerForms() throws ConfigException {
    Environments environments = EnvironmentsLoader.parse("""
        environments:
          a: {type: local, state-port: "17070"}
          b: {type: local, state-port: 0x1F}
        """, FILE);

    assertThat(environments.environments().get("a").statePort()).isEqualTo(17070);
    assertThat(environments.environments().get("b").statePort()).isEqualTo(31);
  }

  @Test
  void resolvesAnAliasOfAWholeEnvironment() throws ConfigException {
    Environments environments = EnvironmentsLoader.parse("""
        environments:
          blue: &shared
            type: lxd
            region: eu
          green: *shared
        """, FILE);

    EnvironmentConfig green = environments.environments().get("green");
    assertThat(green.name()).isEqualTo("green");
    assertThat(green.type()).isEqualTo("lxd");
    assertThat(green.providerSettings()).containsEntry("region", "eu");
  }

  @Test
  void loadsAFileFromDisk(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("environments.yaml");
    Files.writeString(file, """
        environments:
          only: {type: local}
        """);

    Environments environments = EnvironmentsLoader.load(file);

    assertThat(environments.source()).isEqualTo(file);
    assertThat(environments.defaultEnvironment()).map(EnvironmentConfig::name).hasValue("only");
  }

  @Test
  void fallsBackToTheBuiltInEnvironmentWhenTheFileIsMissing(@TempDir Path dir)
      throws ConfigException {
    assertThat(EnvironmentsLoader.load(dir.resolve("absent.yaml")))
        .isEqualTo(Environments.builtIn());
  }

  @Test
  void reportsAFileThatCannotBeRead(@TempDir Path dir) {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> EnvironmentsLoader.load(dir));

    assertThat(e.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.location()).isEqualTo(new SourceLocation(dir, 0, 0, ""));
      assertThat(problem.message()).startsWith("cannot read the file (")
          .endsWith("check that it is a readable file");
    });
    assertThat(e.getMessage().lines())
        .containsExactly("invalid configuration in " + dir + ": 1 problem",
            dir + ": " + e.problems().get(0).message());
  }

  @Test
  void reportsAFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("environments.yaml");
    Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});

    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> EnvironmentsLoader.load(file));

    assertThat(e.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("not UTF-8"));
  }
}
