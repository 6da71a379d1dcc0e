package io.hactl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per kind of bad input: each problem's line, column, YAML path and wording. */
class EnvironmentsLoaderProblemsTest {

  private static final Path FILE = Path.of("conf", "environments.yaml");

  @Test
  void reportsAMisspeltTopLevelKeyWithASuggestion() {
    assertOnly("""
        defualt: prod
        environments:
          prod:
            type: local
        """, 1, 1, "defualt",
        "unknown key \"defualt\" (did you mean \"default\"?); known keys: default, environments");
  }

  @Test
  void reportsAnUnknownTopLevelKeyWithoutASuggestionWhenNothingIsClose() {
    assertOnly("""
        environments:
          prod: {type: local}
        colour: blue
        """, 3, 1, "colour", "unknown key \"colour\"; known keys: default, environments");
  }

  @Test
  void reportsATopLevelListInsteadOfAMap() {
    assertOnly("""
        - prod
        """, 1, 1, "", "expected a map with the keys default, environments, got a list");
  }

  @Test
  void reportsMissingEnvironments() {
    assertOnly("""
        default: prod
        """, 1, 1, "environments", "missing required key \"environments\"");
  }

  @Test
  void reportsEnvironmentsWithNothingInThem() {
    assertOnly("""
        environments: {}
        """, 1, 15, "environments", "expected at least one environment");
    assertOnly("""
        environments:
        """, 1, 14, "environments", "got nothing");
  }

  @Test
  void reportsAnInvalidEnvironmentName() {
    assertOnly("""
        environments:
          Prod_1:
            type: local
        """, 2, 3, "environments.Prod_1", "invalid environment name \"Prod_1\"");
  }

  @Test
  void reportsAnEnvironmentThatIsNotAMap() {
    assertOnly("""
        environments:
          prod: local
        """, 2, 9, "environments.prod", "expected a map of settings with at least \"type:\"");
  }

  @Test
  void reportsAMissingTypeAtTheEnvironment() {
    assertOnly("""
        environments:
          prod:
            state-port: 17070
        """, 2, 3, "environments.prod", "missing required key \"type\"");
  }

  @Test
  void reportsATypeThatIsNotAString() {
    assertOnly("""
        environments:
          prod:
            type: 5
        """, 3, 11, "environments.prod.type", "expected a provider name such as \"local\", got 5");
  }

  @Test
  void reportsAPortThatIsNotANumber() {
    assertOnly("""
        environments:
          prod:
            type: local
            state-port: abc
        """, 4, 17, "environments.prod.state-port",
        "expected an integer 0..65535, got \"abc\"");
  }

  @Test
  void reportsAPortOutOfRange() {
    assertOnly("""
        environments:
          prod:
            type: local
            state-port: 70000
        """, 4, 17, "environments.prod.state-port", "expected an integer 0..65535, got 70000");
  }

  @Test
  void reportsAnUnknownControllerDb() {
    assertOnly("""
        environments:
          prod:
            type: local
            controller-db: postgres
        """, 4, 20, "environments.prod.controller-db",
        "expected one of embedded, mongod, got \"postgres\"");
  }

  @Test
  void reportsAHostNameAsBindAddressWithoutLookingItUp() {
    assertOnly("""
        environments:
          prod:
            type: local
            bind-address: localhost
        """, 4, 19, "environments.prod.bind-address",
        "expected a literal IPv4 or IPv6 address such as 127.0.0.1, got \"localhost\"");
  }

  @Test
  void reportsAProviderSettingThatIsNotAScalar() {
    assertOnly("""
        environments:
          prod:
            type: local
            zones: [a, b]
        """, 4, 12, "environments.prod.zones", "provider settings must be scalars");
  }

  @Test
  void reportsADefaultThatNamesNoEnvironment() {
    assertOnly("""
        default: prd
        environments:
          prod: {type: local}
          dev: {type: local}
        """, 1, 10, "default",
        "default environment \"prd\" is not defined (did you mean \"prod\"?); known: prod, dev");
  }

  @Test
  void reportsADuplicateKeyAtTheSecondOccurrence() {
    assertOnly("""
        environments:
          prod:
            type: local
            type: lxd
        """, 4, 5, "environments.prod.type", "duplicate key \"type\" (first written at line 3)");
  }

  @Test
  void reportsASyntaxErrorAtTheParsersPositionInOneReadableLine() {
    ConfigProblem problem = assertOnly("""
        environments:
          prod: [local
          dev: {}
        """, 3, 6, "environments.prod[0]", "YAML syntax error: expected ',' or ']'");
    assertThat(problem.message())
        .contains("while parsing a flow sequence that starts at line 2, column 9")
        .doesNotContain("\n").doesNotContain("Exception");
  }

  @Test
  void reportsAnEmptyFile() {
    assertOnly("", 1, 1, "", "the file holds no settings");
    assertOnly("# nothing yet\n", 1, 1, "", "the file holds no settings");
  }

  @Test
  void reportsAnAliasOfAScalarInsteadOfMisreadingIt() {
    // Jackson drops anchors of scalars in a map and reports the alias as the anchor's name.
    List<ConfigProblem> problems = problemsOf("""
        environments:
          prod: {type: &provider local}
          dev: {type: *provider}
        """);
    assertThat(problems).anySatisfy(p -> assertProblem(p, 3, 15, "environments.dev.type",
        "cannot resolve alias *provider: only aliases of maps and lists are supported"));
  }

  @Test
  void reportsAMergeKey() {
    assertOnly("""
        environments:
          base: &base {type: local}
          prod:
            <<: *base
            type: local
        """, 4, 5, "environments.prod.<<", "YAML merge keys (<<) are not supported");
  }

  @Test
  void reportsASecondDocument() {
    assertOnly("""
        environments:
          prod: {type: local}
        ---
        environments: {}
        """, 4, 1, "", "only one YAML document is allowed");
  }

  @Test
  void reportsEveryProblemOfAFileInFileOrder() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () ->
        EnvironmentsLoader.parse("""
            default: nowhere
            environments:
              prod:
                type: local
                state-port: -1
                bind-address: 10.0.0.300
              staging:
                controller-db: embedded
            extra: 1
            """, FILE));
    List<ConfigProblem> problems = e.problems();
    assertThat(problems).extracting(p -> p.location().line() + ":" + p.location().yamlPath())
        .containsExactly("1:default", "5:environments.prod.state-port",
            "6:environments.prod.bind-address", "7:environments.staging", "9:extra");
    assertThat(e.getMessage()).startsWith("invalid configuration in " + FILE + ": 5 problems\n")
        .contains(FILE + ":5:17: environments.prod.state-port: expected an integer 0..65535,"
            + " got -1");
    assertThat(e.getMessage().lines()).hasSize(6);
  }

  private static ConfigProblem assertOnly(String yaml, int line, int column, String path,
      String fragment) {
    List<ConfigProblem> problems = problemsOf(yaml);
    assertThat(problems).hasSize(1);
    assertProblem(problems.get(0), line, column, path, fragment);
    return problems.get(0);
  }

  private static void assertProblem(ConfigProblem problem, int line, int column, String path,
      String fragment) {
    assertThat(problem.location()).isEqualTo(new SourceLocation(FILE, line, column, path));
    assertThat(problem.message()).contains(fragment);
  }

  private static List<ConfigProblem> problemsOf(String yaml) {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> EnvironmentsLoader.parse(yaml, FILE));
    assertThat(e).as("expected a ConfigException for:%n%s", yaml).isNotNull();
    assertThat(e.file()).isEqualTo(FILE);
    return e.problems();
  }
}
