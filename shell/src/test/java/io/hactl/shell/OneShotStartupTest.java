package io.hactl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-shot commands must start fast: the real {@link Main} in a fresh JVM loads neither JLine
 * (REPL only) nor Lanterna (dashboard only).
 */
class OneShotStartupTest {

  @TempDir
  Path home;

  private String classesLoadedBy(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:stdout", "-Xshare:off",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("HACTL_HOME", home.toString());
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void helpLoadsNeitherJLineNorLanterna() throws Exception {
    String loaded = classesLoadedBy("--help");

    assertThat(loaded).contains("picocli.CommandLine ").doesNotContain("org.jline.")
        .doesNotContain("com.googlecode.lanterna.");
  }

  @Test
  void listingEnvironmentsLoadsNeitherJLineNorLanterna() throws Exception {
    String loaded = classesLoadedBy("environments");

    assertThat(loaded).contains("NAME").contains("io.hactl.core.HactlCore ")
        .doesNotContain("org.jline.").doesNotContain("com.googlecode.lanterna.");
  }
}
