package io.hactl.plugins.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.hactl.plugins.testkit.FaultyProvider.Fault;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs the contract on providers that each break one rule, and checks that exactly the tests
 * about that rule fail: the kit catches real faults and blames the right behaviour.
 */
class ContractCatchesFaultsTest {

  private static ContractTarget faulty(Fault fault) {
    return ContractTarget.provider("fixture-faulty", () -> new FaultyProvider(fault))
        .context(env -> env.context(Map.of()))
        .userData(FaultyProvider::userDataOf)
        .hangingBackend((env, silent) ->
            env.context(Map.of("endpoint", silent.host() + ":" + silent.port())))
        .failingBackend(env -> env.context(Map.of("refuse", "quota exceeded")))
        .settleTimeout(Duration.ofSeconds(2))
        .abandonedCallGrace(Duration.ofSeconds(1));
  }

  // One contract run per fault; surefire never runs nested classes by itself.
  static class ListsOtherEnvironments extends ProviderContract {
    @Override
    protected ContractTarget target() {
      return faulty(Fault.LISTS_OTHER_ENVIRONMENTS);
    }
  }

  static class StopRejectsUnknown extends ProviderContract {
    @Override
    protected ContractTarget target() {
      return faulty(Fault.STOP_REJECTS_UNKNOWN);
    }
  }

  static class RefusesWithRuntimeException extends ProviderContract {
    @Override
    protected ContractTarget target() {
      return faulty(Fault.REFUSES_WITH_RUNTIME_EXCEPTION);
    }
  }

  static class LeaksSecretsInErrors extends ProviderContract {
    @Override
    protected ContractTarget target() {
      return faulty(Fault.LEAKS_SECRETS_IN_ERRORS);
    }
  }

  static class AltersUserData extends ProviderContract {
    @Override
    protected ContractTarget target() {
      return faulty(Fault.ALTERS_USER_DATA);
    }
  }

  static class IgnoresInterrupts extends ProviderContract {
    @Override
    protected ContractTarget target() {
      return faulty(Fault.IGNORES_INTERRUPTS);
    }
  }

  static class NeverStops extends ProviderContract {
    @Override
    protected ContractTarget target() {
      return faulty(Fault.NEVER_STOPS);
    }
  }

  /** The names of the contract tests that failed when run on {@code run}. */
  private static Set<String> failedTests(Class<? extends ProviderContract> run) {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(run))
        .execute();
    assertThat(results.testEvents().succeeded().count())
        .as("the other contract tests still pass").isGreaterThanOrEqualTo(5);
    return results.testEvents().failed().stream()
        .map(Event::getTestDescriptor)
        .map(descriptor -> descriptor.getDisplayName().replace("()", ""))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void listingAnotherEnvironmentsInstanceFailsTheListingTest() {
    assertThat(failedTests(ListsOtherEnvironments.class))
        .containsExactly("listShowsTheStartedInstanceWithItsMachineIdAndALiveState");
  }

  @Test
  void refusingToStopAnUnknownIdFailsTheIdempotenceTests() {
    assertThat(failedTests(StopRejectsUnknown.class)).containsExactly(
        "anUnknownInstanceIsIgnoredByStopAndNeverListed", "stoppingTwiceIsHarmless");
  }

  @Test
  void aRuntimeExceptionForABackendErrorFailsTheErrorTest() {
    assertThat(failedTests(RefusesWithRuntimeException.class))
        .containsExactly("backendErrorsAreProviderExceptionsNamedAfterThePluginWithoutSecrets");
  }

  @Test
  void secretsInAnErrorMessageFailTheErrorTest() {
    assertThat(failedTests(LeaksSecretsInErrors.class))
        .containsExactly("backendErrorsAreProviderExceptionsNamedAfterThePluginWithoutSecrets");
  }

  @Test
  void alteredUserDataFailsTheRoundTrip() {
    assertThat(failedTests(AltersUserData.class))
        .containsExactly("userDataReachesTheBackendUnchanged");
  }

  @Test
  void aCallThatIgnoresTheInterruptFailsTheHungBackendTest() {
    assertThat(failedTests(IgnoresInterrupts.class))
        .containsExactly("aHungBackendIsBoundedByTheHostAndThePluginGivesUpTheCall");
  }

  @Test
  void anInstanceThatNeverStopsFailsEveryStopTest() {
    assertThat(failedTests(NeverStops.class)).containsExactly(
        "anUnknownInstanceIsIgnoredByStopAndNeverListed", "stopRemovesTheInstanceOrShowsItStopped",
        "stoppingTwiceIsHarmless");
  }
}
