package io.hactl.plugins.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.plugin.api.ProviderException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostGuardTest {
  private final HostGuard host = new HostGuard("fixture-files", new FileProvider(),
      getClass().getClassLoader(), Duration.ofMillis(300));

  @AfterEach
  void close() {
    host.close();
  }

  @Test
  void aProviderExceptionBecomesTheCauseOfAOneLineErrorNamingThePlugin() {
    assertThatThrownBy(() -> host.call("start instance for machine 3", () -> {
      throw new ProviderException("quota\n exceeded", new IOException("HTTP 429"));
    }))
        .isInstanceOf(ProviderCallFailure.class)
        .hasMessage("provider files (plugin fixture-files) could not start instance for machine"
            + " 3: quota exceeded: HTTP 429")
        .satisfies(e -> assertThat(((ProviderCallFailure) e).kind())
            .isEqualTo(ProviderCallFailure.Kind.PROVIDER_ERROR));
  }

  @Test
  void anyOtherExceptionIsNamedByItsClassAsAPluginBug() {
    assertThatThrownBy(() -> host.call("list instances", () -> {
      throw new IllegalStateException("inventory is corrupt");
    }))
        .hasMessage("provider files (plugin fixture-files) could not list instances:"
            + " IllegalStateException: inventory is corrupt")
        .satisfies(e -> assertThat(((ProviderCallFailure) e).kind())
            .isEqualTo(ProviderCallFailure.Kind.UNEXPECTED_ERROR));
  }

  @Test
  void aNullAnswerIsAFailure() {
    assertThatThrownBy(() -> host.call("list instances", () -> null))
        .hasMessage("provider files (plugin fixture-files) could not list instances: the plugin"
            + " answered null");
  }

  @Test
  void aCallThatHangsIsAbandonedAfterTheTimeoutAndInterrupted() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);

    assertThatThrownBy(() -> host.call("list instances", () -> {
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      return "late";
    }))
        .hasMessage("provider files (plugin fixture-files) did not answer within 300ms when"
            + " asked to list instances; the plugin may be hung");
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void callsRunWithThePluginsClassLoaderAsContextLoader() {
    ClassLoader seen = host.call("look", () -> Thread.currentThread().getContextClassLoader());
    assertThat(seen).isSameAs(getClass().getClassLoader());
  }
}
