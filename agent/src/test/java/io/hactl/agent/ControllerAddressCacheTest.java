package io.hactl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControllerAddressCacheTest {

  @TempDir Path dir;

  @Test
  void aRestartedAgentSeedsFromAddressesLearnedBeforeItsConfiguredOnes() {
    Path file = dir.resolve("state-addresses");
    new ControllerAddressCache(file).accept(List.of("127.0.0.1:5001", "127.0.0.1:5002"));

    ControllerAddressCache restarted = new ControllerAddressCache(file);
    assertThat(restarted.seeds(List.of("127.0.0.1:5000", "127.0.0.1:5001")))
        .containsExactly("127.0.0.1:5001", "127.0.0.1:5002", "127.0.0.1:5000");
  }

  @Test
  void ignoresAnEmptyAnswerSoItNeverForgetsEveryController() {
    Path file = dir.resolve("state-addresses");
    ControllerAddressCache cache = new ControllerAddressCache(file);
    cache.accept(List.of("127.0.0.1:5001"));
    cache.accept(List.of());
    assertThat(new ControllerAddressCache(file).seeds(List.of())).containsExactly("127.0.0.1:5001");
  }
}
