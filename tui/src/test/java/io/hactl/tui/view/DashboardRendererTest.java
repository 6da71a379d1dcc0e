package io.hactl.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogLevel;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.EventView;
import io.hactl.core.status.MachineStatus;
import io.hactl.tui.Snapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole layout and every pane, rendered without a terminal and compared as text. */
class DashboardRendererTest {

  private final DashboardRenderer renderer = new DashboardRenderer();

  private static DashboardState state(EnvironmentStatus... snapshots) {
    DashboardState state = new DashboardState("local");
    for (EnvironmentStatus snapshot : snapshots) {
      state.accept(snapshot);
    }
    return state;
  }

  private static DashboardModel model(Instant now, EnvironmentStatus... snapshots) {
    return state(snapshots).model(now);
  }

  private static String rows(Frame frame, int from, int to) {
    return String.join("\n", frame.text().split("\n", -1)).lines().skip(from).limit(to - from)
        .reduce((a, b) -> a + "\n" + b).orElse("");
  }

  @Test
  void threeControllersAt80x24ShowEveryPaneAndTheKeys() {
    List<EnvironmentStatus> failover = Snapshots.failover();
    Frame frame = renderer.render(model(Snapshots.NOW.plusSeconds(1), failover.get(0)), 80, 24);

    assertThat(frame.lines()).hasSize(24);
    assertThat(frame.text()).isEqualTo("""
        hactl  env local  provider local  HA 3/3  can lose 1 controller  master *0
        updated 1s ago
        ── Controllers ─────────────────────────────────────────────────────────────────
           MACHINE  ADDRESS          MEMBER     VOTE      LAG  HEARTBEAT  UPTIME
        *  0        127.0.0.1:37017  PRIMARY    has-vote  0    2s ago     ≥1s
           1        127.0.0.1:37018  SECONDARY  has-vote  0    2s ago     ≥1s
           2        127.0.0.1:37019  SECONDARY  has-vote  2    2s ago     ≥1s
        ── Machines 3 total ────────────────────────────────────────────────────────────
           MACHINE  AGENT    INSTANCE  ADDRESS    PID   UPTIME  JOBS
        *  0        started  local-0   127.0.0.1  4242  ≥1s     controller
           1        started  local-1   127.0.0.1  4243  ≥1s     controller
           2        started  local-2   127.0.0.1  4244  ≥1s     controller
        ── Events UTC ──────────────────────────────────────────────────────────────────
        no events yet
        ── Log --level trace ───────────────────────────────────────────────────────────
        no log records yet""" + "\n".repeat(8)
        + "q quit  ? help  h enable-ha  a add  r remove  e env  l filter  p pause");
  }

  @Test
  void aWideTerminalShowsTheInstanceColumnAndPutsEventsBesideTheLog() {
    DashboardState state = state(Snapshots.failover().get(0));
    state.acceptLogs(List.of(record("machine-2", LogLevel.INFO, "heartbeat")));
    Frame frame = renderer.render(state.model(Snapshots.NOW.plusSeconds(1)), 160, 40);

    assertThat(frame.lines()).hasSize(40);
    assertThat(frame.text()).contains(
        "   MACHINE  INSTANCE  ADDRESS          MEMBER     VOTE      LAG  HEARTBEAT  UPTIME");
    assertThat(frame.text()).containsPattern("── Events UTC ─+│── Log --level trace ─+");
    assertThat(frame.text()).containsPattern(
        "no events yet +│machine-2 10:00:00 INFO    HeartbeatWorker heartbeat");
  }

  @Test
  void theHeaderGivesHaUpOverVotersTheQuorumMarginAndTheMaster() {
    List<EnvironmentStatus> f = Snapshots.failover();
    EnvironmentStatus twoDown = Snapshots.at(Snapshots.NOW, "0", List.of(
        Snapshots.controller("0", "PRIMARY", true, "started", Snapshots.NOW, 0),
        Snapshots.controller("1", "DOWN", false, "down", Snapshots.NOW, -1),
        Snapshots.controller("2", "DOWN", false, "down", Snapshots.NOW, -1)),
        List.of(), List.of());

    assertThat(header(f.get(0))).isEqualTo(
        "hactl  env local  provider local  HA 3/3  can lose 1 controller  master *0");
    assertThat(header(f.get(2))).isEqualTo(
        "hactl  env local  provider local  HA 2/3  cannot lose a controller  master *1");
    assertThat(header(twoDown)).isEqualTo("hactl  env local  provider local  HA 1/3"
        + "  NO QUORUM: 1 of 3 voters up, 2 needed  master *0");
    assertThat(header(Snapshots.healthy())).isEqualTo(
        "hactl  env local  provider local  HA none  cannot lose a controller  master *0");
    assertThat(spans(renderer.render(model(Snapshots.NOW, f.get(0)), 80, 24)))
        .contains(new Span("HA 3/3", Style.GOOD), new Span("*0", Style.PRIMARY));
    assertThat(spans(renderer.render(model(Snapshots.NOW, twoDown), 100, 24)))
        .contains(new Span("HA 1/3", Style.DOWN));
  }

  private String header(EnvironmentStatus status) {
    return renderer.render(model(Snapshots.NOW, status), 120, 24).lines().get(0).text();
  }

  @Test
  void theFailoverIsVisibleAsItHappensOldMasterDownElectionThenNewMasterHighlighted() {
    List<EnvironmentStatus> f = Snapshots.failover();
    DashboardState state = state(f.get(0));

    state.accept(f.get(1));
    Frame electing = renderer.render(state.model(f.get(1).observedAt().plusSeconds(1)), 80, 24);
    assertThat(rows(electing, 0, 7)).isEqualTo("""
        hactl  env local  provider local  HA 2/3  cannot lose a controller  master none
        NO MASTER: master 0 lost 4s ago, waiting for an election
        ── Controllers ─────────────────────────────────────────────────────────────────
           MACHINE         ADDRESS          MEMBER     VOTE      LAG  HEARTBEAT  UPTIME
        !  0 (was master)  127.0.0.1:37017  DOWN       has-vote  -    4s ago     ≥4s
           1               127.0.0.1:37018  SECONDARY  has-vote  0    2s ago     ≥4s
           2               127.0.0.1:37019  SECONDARY  has-vote  0    2s ago     ≥4s""");
    assertThat(spans(electing)).contains(
        new Span("NO MASTER: master 0 lost 4s ago, waiting for an election", Style.DOWN),
        new Span("none", Style.DOWN));

    state.accept(f.get(2));
    Frame elected = renderer.render(state.model(f.get(2).observedAt().plusSeconds(1)), 80, 24);
    assertThat(rows(elected, 0, 8)).isEqualTo("""
        hactl  env local  provider local  HA 2/3  cannot lose a controller  master *1
        FAILOVER: master 0 -> 1 in 4.5s, 2s ago
        ── Controllers ─────────────────────────────────────────────────────────────────
           MACHINE         ADDRESS          MEMBER     VOTE      LAG  HEARTBEAT  UPTIME
        !  0 (was master)  127.0.0.1:37017  DOWN       has-vote  -    7s ago     -
        *  1               127.0.0.1:37018  PRIMARY    has-vote  0    2s ago     ≥7s
           2               127.0.0.1:37019  SECONDARY  has-vote  0    2s ago     ≥7s
        ! machine 0 is down (no heartbeat for more than 10s)""");
    assertThat(elected.text()).contains(
        "10:00:06  down         machine 0 agent down",
        "10:00:04  election     machine 1 became the master (no master for 4.5s)");
    assertThat(spans(elected)).contains(new Span("1", Style.PRIMARY),
        new Span("FAILOVER: master 0 -> 1 in 4.5s, 2s ago", Style.PRIMARY));

    Frame later = renderer.render(state.model(f.get(2).observedAt().plusSeconds(120)), 80, 24);
    assertThat(later.lines().get(1).text()).startsWith("updated 2m ago").doesNotContain("FAILOVER");
    assertThat(later.text()).doesNotContain("was master");
  }

  @Test
  void aFailoverSeenOnlyAcrossUnreachableSnapshotsIsStillTimedAndListed() {
    List<EnvironmentStatus> f = Snapshots.failover();
    EnvironmentStatus noEvent = Snapshots.at(f.get(2).observedAt(), "1", f.get(2).machines(),
        List.of(), List.of());
    DashboardState state = state(f.get(0), Snapshots.unreachable(Snapshots.NOW.plusSeconds(2)),
        noEvent);

    Frame frame = renderer.render(state.model(noEvent.observedAt()), 100, 30);

    assertThat(frame.text()).contains("election     machine 1 became the master (was 0)"
        + " (no master for 6.0s)");
  }

  @Test
  void coresElectionEventArrivingLaterReplacesTheSeenOneAndItsTiming() {
    List<EnvironmentStatus> f = Snapshots.failover();
    EnvironmentStatus beforeEvent = Snapshots.at(f.get(2).observedAt(), "1",
        f.get(2).machines(), List.of(), List.of());
    EnvironmentStatus withEvent = Snapshots.at(f.get(2).observedAt().plusSeconds(1), "1",
        f.get(2).machines(), List.of(), List.of(new EventView(Snapshots.NOW.plusSeconds(7),
            "election", "1", "machine 1 became the master")));
    DashboardState state = state(f.get(0), beforeEvent);
    assertThat(renderer.render(state.model(beforeEvent.observedAt()), 100, 30).text())
        .contains("FAILOVER: master 0 -> 1 in 6.0s");

    state.accept(withEvent);
    Frame frame = renderer.render(state.model(withEvent.observedAt()), 100, 30);

    assertThat(frame.text()).contains("FAILOVER: master 0 -> 1 in 7.0s",
        "10:00:07  election     machine 1 became the master (no master for 7.0s)")
        .doesNotContain("(was 0)");
  }

  @Test
  void theEventsTimelineListsHistoryAndSeenChangesNewestFirst() {
    EnvironmentStatus before = Snapshots.at(Snapshots.NOW, "0", List.of(
        Snapshots.controller("0", "PRIMARY", true),
        Snapshots.controller("1", "SECONDARY", false),
        Snapshots.machine("2", "started", "running")), List.of(),
        List.of(new EventView(Snapshots.NOW.minusSeconds(30), "enable-ha", null,
            "adding machines: 1"), new EventView(Snapshots.NOW.minusSeconds(20), "reconfig",
            "0", "members 0, 1 voting")));
    MachineStatus demoted = Snapshots.controller("1", "SECONDARY", false);
    demoted = new MachineStatus("1", demoted.jobs(), "alive", demoted.instanceId(),
        "running", demoted.addresses(), demoted.ports(), demoted.details(), "started",
        demoted.lastHeartbeat(), new io.hactl.core.status.MemberStatus("127.0.0.1:37018",
            "SECONDARY", false, true, false));
    EnvironmentStatus after = Snapshots.at(Snapshots.NOW.plusSeconds(5), "0", List.of(
        Snapshots.controller("0", "PRIMARY", true), demoted,
        Snapshots.machine("3", "pending", "pending")), List.of(), before.events());

    Frame frame = renderer.render(model(Snapshots.NOW.plusSeconds(6), before, after), 80, 30);

    assertThat(frame.text()).contains("""
        ── Events UTC ──────────────────────────────────────────────────────────────────
        10:00:05  removal      machine 2 removed
        10:00:05  provisioning machine 3 added
        10:00:05  demotion     machine 1 demoted: no longer wants a vote
        09:59:40  reconfig     members 0, 1 voting
        09:59:30  enable-ha    adding machines: 1""");
    assertThat(frame.text()).contains("~  1 ", "~  3 ");
  }

  @Test
  void theLogPaneShowsTheFilterRecordsAndPause() {
    DashboardState state = state(Snapshots.healthy());
    state.logFilter(new LogFilter(List.of("machine-1"), List.of("machine-0"), List.of(),
        List.of(), LogLevel.INFO));
    state.acceptLogs(List.of(record("machine-1", LogLevel.ERROR, "cannot reach 10.0.0.1"),
        record("machine-1", LogLevel.INFO, "first line\nsecond line")));
    state.togglePause();
    state.acceptLogs(List.of(record("machine-1", LogLevel.INFO, "held back")));

    Frame paused = renderer.render(state.model(Snapshots.NOW), 80, 24);
    assertThat(paused.text()).contains("""
        ── Log --level info --include machine-1 --exclude machine-0  PAUSED, 1 new ─────
        machine-1 10:00:00 ERROR   HeartbeatWorker cannot reach 10.0.0.1
        machine-1 10:00:00 INFO    HeartbeatWorker first line …""");
    assertThat(paused.text()).doesNotContain("held back").contains("p resume");

    state.togglePause();
    assertThat(renderer.render(state.model(Snapshots.NOW), 80, 24).text())
        .contains("HeartbeatWorker held back");
  }

  @Test
  void aLogProblemIsSpelledOut() {
    DashboardState state = state(Snapshots.healthy());
    state.logProblem("cannot read the log: no controller answers; retrying");

    assertThat(renderer.render(state.model(Snapshots.NOW), 80, 24).text())
        .contains("! cannot read the log: no controller answers; retrying");
  }

  @Test
  void aDownMachineSaysDownInWordsAndMarksAsWellAsColour() {
    Frame frame = renderer.render(model(Snapshots.NOW, Snapshots.machineDown()), 80, 24);

    assertThat(frame.text())
        .contains("!  1        down     local-1 (missing)  127.0.0.1  4243  -       units")
        .contains("! machine 1: agent down since 09:58:45");
  }

  @Test
  void whenStateIsUnreachableItSaysReconnectingToNControllersAndKeepsTheLastStateWithItsAge() {
    Instant later = Snapshots.NOW.plusSeconds(12);
    Frame frame = renderer.render(model(later, Snapshots.failover().get(0),
        Snapshots.unreachable(later)), 160, 24);

    assertThat(frame.lines().get(1).text()).isEqualTo("reconnecting to 3 controllers… last"
        + " known state 12s old  NO MASTER: master 0 lost 12s ago, waiting for an election");
    assertThat(frame.text()).contains("*  0        local-0   127.0.0.1:37017  PRIMARY",
        "! cannot read state: no controller answered at 127.0.0.1:37017 within 2s")
        .doesNotContain("showing what the provider reports");
  }

  @Test
  void aSnapshotThatIsLateSaysTheControllersAreSlowToAnswer() {
    Frame frame = renderer.render(model(Snapshots.NOW.plusSeconds(8), Snapshots.healthy()),
        80, 24);

    assertThat(frame.lines().get(1).text())
        .isEqualTo("updated 8s ago: waiting for the controllers to answer");
  }

  @Test
  void unreachableFromTheStartSaysNoStateWasReadYet() {
    Instant later = Snapshots.NOW.plusSeconds(5);
    Frame frame = renderer.render(model(later, Snapshots.unreachable(later)), 80, 24);

    assertThat(frame.lines().get(1).text()).startsWith("reconnecting… no state read yet");
  }

  @Test
  void beforeTheFirstSnapshotItSaysItIsWaiting() {
    Frame frame = renderer.render(model(Snapshots.NOW), 80, 24);

    assertThat(frame.lines().get(0).text()).isEqualTo("hactl  env local");
    assertThat(frame.lines().get(1).text()).isEqualTo("waiting for the first status…");
  }

  @Test
  void manyMachinesScrollAndSayWhichRowsAreShown() {
    DashboardState state = state(Snapshots.withPlainMachines(30));
    Frame top = renderer.render(state.model(Snapshots.NOW), 80, 24);
    state.scrollMachines(10);
    Frame scrolled = renderer.render(state.model(Snapshots.NOW), 80, 24);

    assertThat(top.lines()).hasSize(24);
    assertThat(top.text()).contains("── Machines 31 total", "… rows 1-10 of 31 (PgUp/PgDn scroll)");
    assertThat(scrolled.text()).contains("   10       started  local-10",
        "… rows 11-20 of 31 (PgUp/PgDn scroll)");
  }

  @Test
  void aReadOnlySessionSaysSoAndListsNoActionKeys() {
    DashboardState state = new DashboardState("local", true);
    state.accept(Snapshots.healthy());
    Frame frame = renderer.render(state.model(Snapshots.NOW), 80, 24);

    assertThat(frame.lines().get(23).text()).isEqualTo(
        "read-only  q quit  ? help  e env  l filter  p pause");
  }

  @Test
  void aDialogIsDrawnOverTheMiddleWithItsInputAndKeys() {
    DashboardState state = state(Snapshots.healthy());
    state.dialog(new Dialog("enable-ha", List.of("number of controllers (-n)"), "5",
        "enter: next   esc: cancel"));
    Frame frame = renderer.render(state.model(Snapshots.NOW), 80, 24);

    assertThat(frame.text()).contains(
        "┌─ enable-ha ────────────────────────────────────────────────────────┐",
        "│ number of controllers (-n)                                         │",
        "│ > 5_                                                               │",
        "│ enter: next   esc: cancel                                          │",
        "└────────────────────────────────────────────────────────────────────┘");
  }

  @Test
  void theNoticeSitsAboveTheKeys() {
    DashboardState state = state(Snapshots.healthy());
    state.notice(Notice.error("enable-ha -n 4: the number of controllers must be odd"));
    Frame frame = renderer.render(state.model(Snapshots.NOW), 80, 24);

    assertThat(frame.lines().get(22).text())
        .isEqualTo("enable-ha -n 4: the number of controllers must be odd");
    assertThat(spans(frame)).contains(
        new Span("enable-ha -n 4: the number of controllers must be odd", Style.DOWN));
  }

  @Test
  void aNewControllerWithoutAddressOrInstanceYetIsShownAsDashes() {
    MachineStatus fresh = new MachineStatus("1", List.of("host-units", "manage-environ"),
        "alive", null, "pending", List.of(), java.util.Map.of(), java.util.Map.of(), "pending",
        null, new io.hactl.core.status.MemberStatus(null, "UNKNOWN", true, false, false));
    Frame frame = renderer.render(model(Snapshots.NOW, Snapshots.at(Snapshots.NOW, "0",
        List.of(Snapshots.controller("0", "PRIMARY", true), fresh), List.of(), List.of())),
        100, 24);

    assertThat(frame.text()).contains("HA none  cannot lose a controller  master *0",
        "~  1        -         -                UNKNOWN  adding-vote  -    -          -",
        "~  1        pending  pending   -          -     -       controller");
  }

  @Test
  void everyLineFitsTheWidthEvenOnATinyTerminal() {
    List<EnvironmentStatus> f = Snapshots.failover();
    for (int[] size : new int[][] {{40, 10}, {20, 4}, {80, 24}, {200, 60}}) {
      Frame frame = renderer.render(model(Snapshots.NOW, f.toArray(EnvironmentStatus[]::new)),
          size[0], size[1]);
      assertThat(frame.lines().size()).isLessThanOrEqualTo(size[1]);
      for (Line line : frame.lines()) {
        assertThat(line.text().length()).isLessThanOrEqualTo(size[0]);
      }
    }
  }

  @Test
  void sevenControllersAndFiveHundredMachinesRenderAt80x24() {
    List<MachineStatus> machines = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      machines.add(Snapshots.controller(String.valueOf(i), i == 0 ? "PRIMARY" : "SECONDARY",
          i == 0));
    }
    for (int i = 7; i < 507; i++) {
      machines.add(Snapshots.machine(String.valueOf(i), "started", "running"));
    }
    Frame frame = renderer.render(model(Snapshots.NOW, Snapshots.at(Snapshots.NOW, "0",
        machines, List.of(), List.of())), 80, 24);

    assertThat(frame.text()).contains("HA 7/7  can lose 3 controllers", "── Machines 507 total",
        "… rows 1-");
  }

  private static LogRecord record(String entity, LogLevel level, String message) {
    return new LogRecord(Snapshots.NOW, entity, "io.hactl.agent.HeartbeatWorker", level,
        message, "", 1);
  }

  private static List<Span> spans(Frame frame) {
    return frame.lines().stream().flatMap(l -> l.spans().stream()).toList();
  }
}
