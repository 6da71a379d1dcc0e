package io.hactl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code log-retention-mb}: how large an environment's replicated log may grow. */
class LogRetentionKeyTest {

  private static final Path FILE = Path.of("conf", "environments.yaml");

  @Test
  void defaultsTo64AndAcceptsAPositiveNumberOfMegabytes() throws ConfigException {
    Environments environments = EnvironmentsLoader.parse("""
        environments:
          small: {type: local, log-retention-mb: 8}
          plain: {type: local}
        """, FILE);

    assertThat(environments.environments().get("small").logRetentionMb()).isEqualTo(8);
    assertThat(environments.environments().get("plain").logRetentionMb()).isEqualTo(64);
    assertThat(environments.environments().get("small").providerSettings()).isEmpty();
  }

  @Test
  void refusesZeroAndNonNumbersWithTheKeysPath() {
    for (String bad : new String[] {"0", "-3", "lots"}) {
      ConfigException e = catchThrowableOfType(ConfigException.class,
          () -> EnvironmentsLoader.parse("""
              environments:
                prod:
                  type: local
                  log-retention-mb: %s
              """.formatted(bad), FILE));
      assertThat(e).as(bad).isNotNull();
      assertThat(e.getMessage()).contains("environments.prod.log-retention-mb")
          .contains("expected a whole number of megabytes, 1 or more");
    }
  }
}
