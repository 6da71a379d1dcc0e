package io.hactl.plugins.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refused credentials, throttling, and a security group that EC2 still counts in use
 * (DependencyViolation), which moto_server cannot produce on demand (moto deletes a group at once,
 * whatever holds it): these tests use {@link Ec2Stub}, a small in-process HTTP endpoint on
 * 127.0.0.1 that answers with EC2's own error documents (the query protocol's {@code
 * <Response><Errors>} XML).
 */
class AwsProviderStubTest {
  private static final String GROUP_ID = "sg-0123456789abcdef0";
  private static final String GROUP_NAME = "hactl-3f1c2a4e-0000-4000-8000-000000000000";

  @TempDir Path storage;

  /**
   * EC2 sends AuthFailure with status 401, whose body the JDK's HttpURLConnection drops for a
   * streamed POST; the status alone must still read as refused credentials.
   */
  @Test
  void reportsAnAuthFailureAsRefusedCredentials() throws Exception {
    try (Ec2Stub stub = new Ec2Stub(List.of(Ec2Stub.error(401, "AuthFailure",
        "AWS was not able to validate the provided access credentials")))) {
      assertThatThrownBy(() -> Fixtures.provider().instances(context(stub)))
          .isInstanceOf(ProviderException.class)
          .hasMessage("cannot list instances: credentials refused by EC2 (HTTP 401): check"
              + " that credentials: env (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) holds a"
              + " valid, active access key for region us-east-1");
    }
  }

  @Test
  void onAControllerARefusedStoredKeyPointsAtUpdateCredentials() throws Exception {
    try (Ec2Stub stub = new Ec2Stub(List.of(Ec2Stub.error(400, "AuthFailure",
        "AWS was not able to validate the provided access credentials")))) {
      Map<String, String> stored = Map.of(CredentialsResolver.KEY_ID, "AKIDSTORED",
          CredentialsResolver.SECRET, "stored-secret-never-printed");
      assertThatThrownBy(() -> Fixtures.provider().instances(
          context(stub).withCredentials(stored)))
          .isInstanceOf(ProviderException.class)
          .hasMessage("cannot list instances: credentials refused by EC2 (AuthFailure): check"
              + " that the key hactl stored for the controllers (from credentials: env"
              + " (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)) holds a valid, active access key"
              + " for region us-east-1; if it was rotated, run `hactl update-credentials`")
          .hasMessageNotContaining("stored-secret-never-printed");
    }
  }

  @Test
  void reportsAnAuthFailureCodeAsRefusedCredentials() throws Exception {
    try (Ec2Stub stub = new Ec2Stub(List.of(Ec2Stub.error(400, "AuthFailure",
        "AWS was not able to validate the provided access credentials")))) {
      assertThatThrownBy(() -> Fixtures.provider().instances(context(stub)))
          .isInstanceOf(ProviderException.class)
          .hasMessage("cannot list instances: credentials refused by EC2 (AuthFailure): check"
              + " that credentials: env (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) holds a"
              + " valid, active access key for region us-east-1");
    }
  }

  @Test
  void reportsAnUnauthorizedOperationWithTheMissingPermission() throws Exception {
    try (Ec2Stub stub = new Ec2Stub(List.of(Ec2Stub.error(403, "UnauthorizedOperation",
        "You are not authorized to perform this operation. Encoded authorization failure"
            + " message: AbCdEf0123456789")))) {
      Map<String, String> settings = Fixtures.settings(stub.endpoint());
      assertThatThrownBy(() -> Fixtures.provider().stopInstances(
          Fixtures.context(settings, storage), List.of("i-0123456789abcdef0")))
          .isInstanceOf(ProviderException.class)
          .hasMessage("cannot find instances i-0123456789abcdef0: credentials refused by EC2"
              + " (UnauthorizedOperation): check that the access key of credentials: env"
              + " (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) is allowed ec2:DescribeInstances in"
              + " region us-east-1");
    }
  }

  @Test
  void neverPrintsTheSecretKeyInAnyMessage() throws Exception {
    try (Ec2Stub stub = new Ec2Stub(List.of(Ec2Stub.error(401, "AuthFailure", "no")))) {
      assertThatThrownBy(() -> Fixtures.provider().instances(context(stub)))
          .satisfies(thrown -> assertThat(stackText(thrown))
              .doesNotContain(Fixtures.ENVIRONMENT.get(CredentialsResolver.SECRET_ACCESS_KEY)));
    }
  }

  @Test
  void retriesThrottledRequestsUntilTheyPass() throws Exception {
    try (Ec2Stub stub = new Ec2Stub(List.of(
        Ec2Stub.error(503, "RequestLimitExceeded", "Request limit exceeded."),
        Ec2Stub.error(400, "Throttling", "Rate exceeded"),
        Ec2Stub.noInstances()))) {
      assertThat(Fixtures.provider().instances(context(stub))).isEmpty();
      assertThat(stub.actions()).containsExactly("DescribeInstances", "DescribeInstances",
          "DescribeInstances");
    }
  }

  @Test
  void givesUpOnThrottlingWithinItsBudget() throws Exception {
    Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(600), () -> 1.0);
    try (Ec2Stub stub = new Ec2Stub(List.of(Ec2Stub.noInstances(),
        Ec2Stub.error(503, "RequestLimitExceeded", "Request limit exceeded.")))) {
      AwsProvider provider = Fixtures.provider(backoff);
      // A first call answered at once, so that the SDK's one-off start-up is not in the budget.
      provider.instances(context(stub));

      long start = System.nanoTime();
      assertThatThrownBy(() -> provider.instances(context(stub)))
          .isInstanceOf(ProviderException.class)
          .hasMessageStartingWith("cannot list instances: EC2 throttled all ")
          .hasMessageEndingWith(" s (RequestLimitExceeded); the account's API request rate is"
              + " exhausted, try again later");
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      // Waits of 50 and then 100 ms each fit at most 7 times in 600 ms.
      assertThat(took).isLessThan(Duration.ofSeconds(3));
      assertThat(stub.actions().size() - 1).isBetween(2, 8);
    }
  }

  @Test
  void stopsRetryingWhenInterrupted() throws Exception {
    Backoff slow = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ofMinutes(5), () -> 1.0);
    try (Ec2Stub stub = new Ec2Stub(List.of(
        Ec2Stub.error(503, "RequestLimitExceeded", "Request limit exceeded.")))) {
      AtomicReference<Thread> worker = new AtomicReference<>();
      AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
      CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> {
        worker.set(Thread.currentThread());
        try {
          return Fixtures.provider(slow).instances(context(stub));
        } catch (ProviderException e) {
          stillInterrupted.set(Thread.currentThread().isInterrupted());
          return e;
        }
      });
      awaitFirstRequest(stub);
      worker.get().interrupt();

      Object outcome = call.get(5, TimeUnit.SECONDS);
      assertThat(outcome).isInstanceOf(ProviderException.class);
      assertThat(((ProviderException) outcome).getMessage()).isEqualTo("interrupted while"
          + " trying to list instances; EC2 may or may not have done it: list the instances to"
          + " see");
      assertThat(stillInterrupted.get()).isTrue();
      assertThat(stub.actions()).hasSize(1);
    }
  }

  @Test
  void reportsAnUnreachableEndpointClearly() throws Exception {
    Ec2Stub stub = new Ec2Stub(List.of(Ec2Stub.noInstances()));
    ProviderContext gone = context(stub);
    String endpoint = stub.endpoint().toString();
    stub.close();

    assertThatThrownBy(() -> Fixtures.provider().instances(gone))
        .isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("cannot list instances: cannot reach EC2 at " + endpoint + ": ")
        .hasMessageEndingWith("; check the endpoint and the network");
  }

  @Test
  void releaseRetriesTheDeleteWhileTerminatedInstancesStillHoldTheGroup() throws Exception {
    try (Ec2Stub stub = new Ec2Stub(List.of(
        Ec2Stub.securityGroup(GROUP_ID, GROUP_NAME),
        inUse(), inUse(),
        Ec2Stub.securityGroupDeleted(),
        Ec2Stub.noSecurityGroups()))) {
      Fixtures.provider().releaseEnvironment(context(stub));

      assertThat(stub.actions()).containsExactly("DescribeSecurityGroups",
          "DeleteSecurityGroup", "DeleteSecurityGroup", "DeleteSecurityGroup",
          "DescribeSecurityGroups", "DescribeSecurityGroups");
    }
  }

  @Test
  void releaseGivesUpWithinItsBudgetSayingToDestroyAgain() throws Exception {
    Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(600), () -> 1.0);
    try (Ec2Stub stub = new Ec2Stub(List.of(Ec2Stub.noInstances(),
        Ec2Stub.securityGroup(GROUP_ID, GROUP_NAME), inUse()))) {
      AwsProvider provider = Fixtures.provider(backoff);
      // A first call answered at once, so that the SDK's one-off start-up is not in the budget.
      provider.instances(context(stub));

      long start = System.nanoTime();
      assertThatThrownBy(() -> provider.releaseEnvironment(context(stub)))
          .isInstanceOf(ProviderException.class)
          .hasMessageStartingWith("cannot delete security group " + GROUP_NAME + " ("
              + GROUP_ID + "): EC2 still counts it in use after ")
          .hasMessageEndingWith(" s (DependencyViolation: resource " + GROUP_ID + " has a"
              + " dependent object), most likely by the environment's terminated instances,"
              + " which EC2 releases within minutes; run destroy-environment again")
          .satisfies(thrown -> assertThat(thrown.getMessage()).doesNotContain("\n"));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(took).isLessThan(Duration.ofSeconds(3));
      long deletes = stub.actions().stream().filter("DeleteSecurityGroup"::equals).count();
      // Waits of 50 and then 100 ms each fit at most 7 times in 600 ms.
      assertThat(deletes).isBetween(3L, 8L);
    }
  }

  @Test
  void releaseStopsRetryingWhenInterrupted() throws Exception {
    Backoff slow = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ofMinutes(5), () -> 1.0);
    try (Ec2Stub stub = new Ec2Stub(List.of(
        Ec2Stub.securityGroup(GROUP_ID, GROUP_NAME), inUse()))) {
      AtomicReference<Thread> worker = new AtomicReference<>();
      CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> {
        worker.set(Thread.currentThread());
        try {
          Fixtures.provider(slow).releaseEnvironment(context(stub));
          return "released";
        } catch (ProviderException e) {
          return e;
        }
      });
      awaitRequests(stub, 2);
      worker.get().interrupt();

      Object outcome = call.get(5, TimeUnit.SECONDS);
      assertThat(outcome).isInstanceOf(ProviderException.class);
      assertThat(((ProviderException) outcome).getMessage()).startsWith("interrupted while"
          + " trying to delete security group " + GROUP_NAME + " (" + GROUP_ID + ")");
      assertThat(stub.actions()).containsExactly("DescribeSecurityGroups",
          "DeleteSecurityGroup");
    }
  }

  private static Ec2Stub.Answer inUse() {
    return Ec2Stub.error(400, "DependencyViolation",
        "resource " + GROUP_ID + " has a dependent object");
  }

  private ProviderContext context(Ec2Stub stub) {
    return Fixtures.context(Fixtures.settings(stub.endpoint()), storage);
  }

  private static void awaitFirstRequest(Ec2Stub stub) throws InterruptedException {
    awaitRequests(stub, 1);
  }

  private static void awaitRequests(Ec2Stub stub, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (stub.actions().size() < count) {
      assertThat(System.nanoTime()).as(count + " requests within 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static String stackText(Throwable thrown) {
    java.io.StringWriter text = new java.io.StringWriter();
    thrown.printStackTrace(new java.io.PrintWriter(text));
    return text.toString();
  }
}
