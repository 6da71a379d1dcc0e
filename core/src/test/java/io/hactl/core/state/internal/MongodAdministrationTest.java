package io.hactl.core.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.state.MemberLeadership;
import io.hactl.core.state.StateCredentials;
import io.hactl.core.state.StateStore;
import io.hactl.core.state.StateStores;
import io.hactl.replicaset.MemberOptions;
import io.hactl.replicaset.ReplicaSetMember;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What controller-db: mongod's administration does against the embedded member, the stand-in
 * for mongod in every test here (no mongod can be installed on these machines): it manages no
 * users, so nothing is created and nobody logs in, while the commands the set needs work
 * unchanged. Against a real mongod the same code creates the administrator and logs in; that
 * half is not proven here.
 */
class MongodAdministrationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final StateCredentials ADMIN = StateCredentials.forSecret("key", true);

  @TempDir Path dir;

  @Test
  void initiatesOverOneAddressNamingAnotherAndSeesTheSetInitiated() throws Exception {
    try (ReplicaSetMember member = member()) {
      String address = member.address();
      assertThat(StateStores.initiated(address, TIMEOUT)).isFalse();

      StateStores.initiate(address.replace("127.0.0.1", "localhost"), address, "rs", TIMEOUT);

      assertThat(StateStores.initiated(address, TIMEOUT)).isTrue();
    }
  }

  @Test
  void findsNoUserManagementOnTheEmbeddedMemberAndConnectsWithoutLoggingIn() throws Exception {
    try (ReplicaSetMember member = member()) {
      String address = member.address();
      StateStores.initiate(address, "rs", TIMEOUT);

      assertThat(Authentication.managesUsers(address, TIMEOUT)).contains(false);
      assertThat(StateStores.createAdministrator(address, ADMIN, TIMEOUT)).isFalse();
      assertThat(awaitReady(address)).as("a writable primary to a client holding credentials")
          .isTrue();
      try (StateStore state = StateStores.connectToMember(address, TIMEOUT, ADMIN)) {
        assertThat(state.claimMasterTerm("0", 1)).isTrue();
      }
    }
  }

  @Test
  void learnsPrimaryAndTermFromHelloAsTheEmbeddedMemberKnowsThem() throws Exception {
    try (ReplicaSetMember member = member();
        MemberLeadership leadership = StateStores.leadershipOf(member.address(), TIMEOUT)) {
      assertThat(leadership.isPrimary()).isFalse();
      assertThat(leadership.term()).isEqualTo(-1);

      StateStores.initiate(member.address(), "rs", TIMEOUT);
      awaitReady(member.address());

      assertThat(leadership.isPrimary()).isTrue();
      assertThat(leadership.term()).isPositive().isEqualTo(member.term());
    }
  }

  @Test
  void readsTheTermFromTheLastEightBytesOfAnElectionId() {
    assertThat(HelloLeadership.termOf(new ObjectId("7fffffff000000000000002a"))).isEqualTo(42);
    assertThat(HelloLeadership.termOf(null)).isEqualTo(-1);
  }

  @Test
  void answersNothingAboutAMemberThatDoesNotListen() {
    assertThat(Authentication.managesUsers("127.0.0.1:1", Duration.ofMillis(300))).isEmpty();
    assertThat(StateStores.readyAsAdministrator("127.0.0.1:1", ADMIN, Duration.ofMillis(300)))
        .isFalse();
  }

  private static boolean awaitReady(String address) throws InterruptedException {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (StateStores.readyAsAdministrator(address, ADMIN, Duration.ofSeconds(1))) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  private ReplicaSetMember member() throws Exception {
    return ReplicaSetMember.start(MemberOptions.of("127.0.0.1", 0, dir.resolve("db"), "rs"));
  }
}
