package io.hactl.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.hactl.core.status.EnvironmentStatus;
import io.hactl.tui.Snapshots;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardRendererTest {

  private final DashboardRenderer renderer = new DashboardRenderer();

  private static DashboardModel model(Instant now, EnvironmentStatus... snapshots) {
    DashboardState state = new DashboardState("local");
    for (EnvironmentStatus snapshot : snapshots) {
      state.accept(snapshot);
    }
    return state.model(now);
  }

  @Test
  void rendersAPrimaryControllerAndAPlainMachineAt80x24() {
    Frame frame = renderer.render(model(Snapshots.NOW.plusSeconds(1), Snapshots.healthy()),
        80, 24);

    assertThat(frame.lines()).hasSize(24);
    assertThat(frame.text()).isEqualTo("""
        hactl dashboard  environment local  provider local  HA none  master 0
        updated 1s ago

        Controllers
        CONTROLLER  INSTANCE  ADDRESS          MEMBER   VOTE      HEARTBEAT
        0           local-0   127.0.0.1:37017  PRIMARY  has-vote  3s ago

        Machines
        MACHINE  AGENT    INSTANCE  ADDRESS    PID   JOBS
        0        started  local-0   127.0.0.1  4242  host-units manage-environ
        1        started  local-1   127.0.0.1  4243  host-units"""
        + "\n".repeat(13) + " q  quit");
  }

  @Test
  void usesTheWholeOf120x40() {
    Frame frame = renderer.render(model(Snapshots.NOW, Snapshots.healthy()), 120, 40);

    assertThat(frame.lines()).hasSize(40);
    assertThat(frame.lines().get(39).text()).isEqualTo(" q  quit  ");
    assertThat(frame.text()).contains("0           local-0   127.0.0.1:37017  PRIMARY  has-vote");
  }

  @Test
  void thePrimaryAndTheMasterAreStyledAsPrimary() {
    Frame frame = renderer.render(model(Snapshots.NOW, Snapshots.healthy()), 80, 24);

    assertThat(spans(frame)).contains(new Span("PRIMARY", Style.PRIMARY),
        new Span("0", Style.PRIMARY), new Span("HA none", Style.DIM));
  }

  @Test
  void haSummaryIsCoresAndItsColourSaysWhetherEveryVoterIsUp() {
    Frame allUp = renderer.render(model(Snapshots.NOW, Snapshots.threeControllers("started")),
        80, 24);
    Frame oneDown = renderer.render(model(Snapshots.NOW, Snapshots.threeControllers("down")),
        80, 24);

    assertThat(spans(allUp)).contains(new Span("HA 3", Style.GOOD));
    assertThat(spans(oneDown)).contains(new Span("HA 2/3", Style.WARNING));
    assertThat(oneDown.text()).contains(
        "2           local-2   127.0.0.1:37019  SECONDARY  has-vote  2s ago");
  }

  @Test
  void aDownMachineSaysDownAndWhyInWordsAsWellAsColour() {
    Frame frame = renderer.render(model(Snapshots.NOW, Snapshots.machineDown()), 80, 24);

    assertThat(frame.text())
        .contains("1        down     local-1 (missing)  127.0.0.1  4243  host-units")
        .contains("! machine 1: agent down since 09:58:45");
    assertThat(spans(frame)).contains(new Span("down", Style.DOWN),
        new Span("local-1 (missing)", Style.DOWN));
  }

  @Test
  void whenStateIsUnreachableItShowsReconnectingAndKeepsTheLastKnownStateWithItsAge() {
    Instant later = Snapshots.NOW.plusSeconds(12);
    Frame frame = renderer.render(
        model(later, Snapshots.healthy(), Snapshots.unreachable(later)), 120, 24);

    assertThat(frame.lines().get(1).text()).isEqualTo("reconnecting… last known state 12s old"
        + " (no controller answered at 127.0.0.1:37017 within 2s)");
    assertThat(frame.text()).contains("0           local-0   127.0.0.1:37017  PRIMARY");
  }

  @Test
  void unreachableFromTheStartSaysNoStateWasReadYet() {
    Instant later = Snapshots.NOW.plusSeconds(5);
    Frame frame = renderer.render(model(later, Snapshots.unreachable(later)), 80, 24);

    assertThat(frame.lines().get(1).text()).startsWith("reconnecting… no state read yet");
    assertThat(frame.lines().get(0).text()).contains("HA none", "master none");
  }

  @Test
  void beforeTheFirstSnapshotItSaysItIsWaiting() {
    Frame frame = renderer.render(model(Snapshots.NOW), 80, 24);

    assertThat(frame.lines().get(0).text()).isEqualTo("hactl dashboard  environment local");
    assertThat(frame.lines().get(1).text()).isEqualTo("waiting for the first status…");
  }

  @Test
  void aTerminalTooSmallForEveryMachineSaysHowMuchIsHidden() {
    Frame frame = renderer.render(model(Snapshots.NOW, Snapshots.withPlainMachines(30)), 80, 24);

    assertThat(frame.lines()).hasSize(24);
    assertThat(frame.lines().get(22).text())
        .isEqualTo("… 18 more lines: enlarge the terminal");
    assertThat(frame.lines().get(23).text()).startsWith(" q  quit");
  }

  @Test
  void longLinesAreCutToTheWidthWithAnEllipsis() {
    Frame frame = renderer.render(model(Snapshots.NOW, Snapshots.healthy()), 40, 24);

    for (Line line : frame.lines()) {
      assertThat(line.text().length()).isLessThanOrEqualTo(40);
    }
    assertThat(frame.lines().get(0).text()).endsWith("…");
  }

  private static List<Span> spans(Frame frame) {
    return frame.lines().stream().flatMap(l -> l.spans().stream()).toList();
  }
}
