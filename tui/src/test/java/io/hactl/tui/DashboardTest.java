package io.hactl.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real dashboard loop on Lanterna's virtual terminal, compared as screen text. */
class DashboardTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private final FakeBackend backend = new FakeBackend("local", "staging");
  private final ManualFeed feed = backend.client0().feed;
  private DefaultVirtualTerminal terminal;
  private CompletableFuture<Void> running;

  private void start(int columns, int rows, Palette palette) throws Exception {
    start(columns, rows, palette, false);
  }

  private void start(int columns, int rows, Palette palette, boolean readOnly) throws Exception {
    terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
    TerminalScreen screen = new TerminalScreen(terminal);
    Dashboard dashboard = new Dashboard(new DashboardOptions("local", Duration.ofSeconds(1),
        palette, Clock.fixed(Snapshots.NOW.plusSeconds(1), ZoneOffset.UTC), readOnly), backend,
        screen);
    running = CompletableFuture.runAsync(() -> {
      try {
        dashboard.run();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    awaitTrue("the dashboard subscribes", () -> feed.subscribers() == 1);
  }

  @AfterEach
  void quit() throws Exception {
    if (running != null && !running.isDone()) {
      terminal.addInput(new KeyStroke('c', true, false)); // Ctrl-C quits even from a dialog
      running.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private String screenText() {
    TerminalSize size = terminal.getTerminalSize();
    StringBuilder text = new StringBuilder();
    for (int row = 0; row < size.getRows(); row++) {
      StringBuilder line = new StringBuilder();
      for (int column = 0; column < size.getColumns(); column++) {
        line.append(terminal.getBufferCharacter(column, row).getCharacterString());
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  private String row(int row) {
    return screenText().split("\n", -1)[row];
  }

  /** Waits until the screen shows every one of {@code expected}: a refresh draws row by row. */
  private void awaitScreen(String... expected) throws InterruptedException {
    awaitTrue("the screen to show " + String.join(" and ", expected), () -> {
      String text = screenText();
      return java.util.Arrays.stream(expected).allMatch(text::contains);
    });
  }

  private void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what
            + "; the screen shows:\n" + (terminal == null ? "" : screenText()));
      }
      Thread.sleep(10);
    }
  }

  /** The cell where {@code text} starts on the screen. */
  private TextCharacter cellOf(String text) {
    String[] rows = screenText().split("\n");
    for (int row = 0; row < rows.length; row++) {
      int column = rows[row].indexOf(text);
      if (column >= 0) {
        return terminal.getBufferCharacter(column, row);
      }
    }
    throw new AssertionError(text + " is not on the screen:\n" + screenText());
  }

  private void type(String text) {
    for (char c : text.toCharArray()) {
      terminal.addInput(new KeyStroke(c, false, false));
    }
  }

  private void press(KeyType type) {
    terminal.addInput(new KeyStroke(type));
  }

  @Test
  void showsEachSnapshotThatArrivesOnTheFeedsThreadAt80x24() throws Exception {
    start(80, 24, Palette.colour());
    awaitScreen("waiting for the first status…");

    feed.publish(Snapshots.failover().get(0));

    awaitScreen("*  0        127.0.0.1:37017  PRIMARY    has-vote  0    2s ago     ≥1s",
        "   2        started  local-2   127.0.0.1  4244  ≥1s     controller\n");
    assertThat(row(0)).isEqualTo(
        "hactl  env local  provider local  HA 3/3  can lose 1 controller  master *0");
    awaitTrue("the footer on the last row", () -> row(23).equals(
        "q quit  ? help  h enable-ha  a add  r remove  e env  l filter  p pause"));
  }

  @Test
  void usesTheRoomOf160x40() throws Exception {
    start(160, 40, Palette.colour());
    feed.publish(Snapshots.machineDown());

    awaitScreen("!  1        down     local-1 (missing)  127.0.0.1  4243  -       units",
        "! machine 1: agent down since 09:58:45", "│── Log");
    awaitTrue("the footer on the last row", () -> row(39).startsWith("q quit"));
  }

  @Test
  void colourCarriesMeaningPrimaryGreenDownRed() throws Exception {
    start(80, 24, Palette.colour());
    feed.publish(Snapshots.machineDown());
    awaitScreen("PRIMARY", "!  1        down     local-1 (missing)");

    assertThat(cellOf("PRIMARY").getForegroundColor()).isEqualTo(TextColor.ANSI.GREEN);
    assertThat(cellOf("down     local-1").getForegroundColor()).isEqualTo(TextColor.ANSI.RED);
  }

  @Test
  void withNoColorMeaningIsCarriedByWordsMarksAndAttributesOnly() throws Exception {
    start(80, 24, Palette.forEnvironment(java.util.Map.of("NO_COLOR", "1")));
    feed.publish(Snapshots.machineDown());
    awaitScreen("PRIMARY", "!  1        down     local-1 (missing)");

    TextCharacter primary = cellOf("PRIMARY");
    TextCharacter down = cellOf("down     local-1");
    assertThat(primary.getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
    assertThat(primary.getModifiers()).contains(SGR.BOLD);
    assertThat(down.getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
    assertThat(down.getModifiers()).contains(SGR.REVERSE);
    assertThat(screenText()).contains("*  0        started", "!  1        down");
  }

  @Test
  void showsReconnectingWithTheAgeOfTheLastKnownState() throws Exception {
    start(120, 24, Palette.colour());
    feed.publish(Snapshots.failover().get(0));
    awaitScreen("PRIMARY");

    feed.publish(Snapshots.unreachable(Snapshots.NOW.plusSeconds(1)));

    awaitScreen("reconnecting to 3 controllers… last known state 1s old");
    assertThat(screenText()).contains("*  0        local-0   127.0.0.1:37017  PRIMARY");
  }

  @Test
  void showsTheFailoverAsItHappens() throws Exception {
    start(80, 24, Palette.colour());
    java.util.List<io.hactl.core.status.EnvironmentStatus> failover = Snapshots.failover();
    feed.publish(failover.get(0));
    awaitScreen("master *0");

    feed.publish(failover.get(1));
    awaitScreen("NO MASTER: master 0 lost", "!  0 (was master)");

    feed.publish(failover.get(2));
    awaitScreen("master *1", "FAILOVER: master 0 -> 1 in 4.5s",
        "*  1               127.0.0.1:37018  PRIMARY",
        "election     machine 1 became the master (no master for 4.5s)");
    assertThat(cellOf("FAILOVER").getForegroundColor()).isEqualTo(TextColor.ANSI.GREEN);
  }

  @Test
  void redrawsForTheNewSizeWhenTheTerminalIsResized() throws Exception {
    start(80, 24, Palette.colour());
    feed.publish(Snapshots.healthy());
    awaitScreen("PRIMARY");

    terminal.setTerminalSize(new TerminalSize(100, 30));

    awaitTrue("the footer on the new last row", () -> row(29).startsWith("q quit"));
  }

  @Test
  void qEndsTheLoopUnsubscribesClosesTheFeedAndLeavesThePrivateScreen() throws Exception {
    start(80, 24, Palette.colour());
    feed.publish(Snapshots.healthy());
    awaitScreen("PRIMARY");

    terminal.addInput(new KeyStroke('q', false, false));

    running.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    assertThat(feed.subscribers()).isZero();
    assertThat(feed.closed).isTrue();
    assertThat(screenText()).doesNotContain("PRIMARY");
  }

  @Test
  void escapeAndCtrlCQuitToo() throws Exception {
    start(80, 24, Palette.colour());
    terminal.addInput(new KeyStroke(KeyType.Escape));
    running.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

    start(80, 24, Palette.colour());
    terminal.addInput(new KeyStroke('h', false, false));
    awaitScreen("┌─ enable-ha");
    terminal.addInput(new KeyStroke('c', true, false)); // even with a dialog open
    running.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

    assertThat(running).isDone();
  }

  @Test
  void enableHaAsksForNThenConfirmsThenCallsCoreAndShowsTheResult() throws Exception {
    start(80, 24, Palette.colour());
    feed.publish(Snapshots.healthy());
    awaitScreen("PRIMARY");

    type("h");
    awaitScreen("┌─ enable-ha", "number of controllers (-n)");
    type("5");
    press(KeyType.Enter);
    awaitScreen("run `enable-ha -n 5` on local?", "y/enter: yes   n/esc: no");
    assertThat(backend.client0().calls).isEmpty();
    type("y");

    awaitScreen("enable-ha -n 5: maintaining machines: 0; adding machines: 1, 2");
    assertThat(backend.client0().calls).containsExactly("enable-ha -n 5");
    assertThat(screenText()).doesNotContain("┌─");
  }

  @Test
  void aRefusedActionShowsCoresOneLineError() throws Exception {
    start(80, 24, Palette.colour());
    feed.publish(Snapshots.healthy());
    awaitScreen("PRIMARY");

    type("h4");
    press(KeyType.Enter);
    awaitScreen("run `enable-ha -n 4`");
    press(KeyType.Enter);

    awaitScreen("enable-ha -n 4: the number of controllers must be odd");
    assertThat(cellOf("enable-ha -n 4: the number").getForegroundColor())
        .isEqualTo(TextColor.ANSI.RED);
  }

  @Test
  void escapeOrNCancelsAnActionWithoutCallingCore() throws Exception {
    start(80, 24, Palette.colour());
    feed.publish(Snapshots.healthy());
    awaitScreen("PRIMARY");

    type("a");
    awaitScreen("┌─ add-machine", "> 1_");
    press(KeyType.Enter);
    awaitScreen("run `add-machine -n 1` on local?");
    type("n");
    awaitTrue("the dialog closes", () -> !screenText().contains("┌─"));
    type("r");
    awaitScreen("┌─ remove-machine");
    press(KeyType.Escape);
    awaitTrue("the dialog closes", () -> !screenText().contains("┌─"));

    assertThat(backend.client0().calls).isEmpty();
    assertThat(running).isNotDone();
  }

  @Test
  void addAndRemoveMachineCallCoreWithWhatWasTyped() throws Exception {
    start(80, 24, Palette.colour());
    feed.publish(Snapshots.healthy());
    awaitScreen("PRIMARY");

    type("a");
    awaitScreen("> 1_");
    press(KeyType.Backspace);
    type("2");
    press(KeyType.Enter);
    press(KeyType.Enter);
    awaitScreen("added machines: 7");
    type("r");
    awaitScreen("┌─ remove-machine");
    type("x");
    press(KeyType.Enter);
    awaitScreen("! machine ids are numbers, such as 3");
    press(KeyType.Backspace);
    type("1 3");
    press(KeyType.Enter);
    awaitScreen("run `remove-machine 1 3` on local?");
    type("y");

    awaitScreen("removed machines: 1, 3");
    assertThat(backend.client0().calls).containsExactly("add-machine 2", "remove-machine 1 3");
  }

  @Test
  void aReadOnlySessionRefusesActionsButMayFilterTheLog() throws Exception {
    start(80, 24, Palette.colour(), true);
    feed.publish(Snapshots.healthy());
    awaitScreen("PRIMARY", "read-only  q quit");

    type("h");
    awaitScreen("cannot enable-ha: this session is read-only");
    type("a");
    type("r");
    type("l");
    awaitScreen("┌─ log filter");

    assertThat(backend.client0().calls).isEmpty();
  }

  @Test
  void switchingEnvironmentShowsTheOtherOneAndTellsTheBackend() throws Exception {
    start(80, 24, Palette.colour());
    feed.publish(Snapshots.healthy());
    awaitScreen("env local");
    ManualFeed staging = backend.clients.get("staging").feed;
    staging.publish(Snapshots.machineDown());

    type("e");
    awaitScreen("┌─ switch environment", "environments: local, staging");
    type("nowhere");
    press(KeyType.Enter);
    awaitScreen("! no environment named \"nowhere\"");
    for (int i = 0; i < "nowhere".length(); i++) {
      press(KeyType.Backspace);
    }
    type("staging");
    press(KeyType.Enter);
    awaitScreen("switch to environment staging?");
    type("y");

    awaitScreen("env staging", "!  1        down");
    awaitTrue("the old feed is closed", () -> feed.closed && feed.subscribers() == 0);
    assertThat(staging.subscribers()).isEqualTo(1);
    awaitTrue("the backend hears of the switch", () -> backend.switched.contains("staging"));
  }

  @Test
  void theLogPaneFollowsTheLogAndItsFilterAndPauseWork() throws Exception {
    start(100, 30, Palette.colour());
    feed.publish(Snapshots.healthy());
    backend.client0().log("machine-1", "first record");
    awaitScreen("machine-1 10:00:01 INFO    HeartbeatWorker first record");

    type("l");
    awaitScreen("┌─ log filter", "> --level trace_");
    for (int i = 0; i < "trace".length(); i++) {
      press(KeyType.Backspace);
    }
    type("warning --include machine-2");
    press(KeyType.Enter);
    awaitScreen("── Log --level warning --include machine-2");
    awaitTrue("a tail with the new filter", () -> backend.client0().logRequests.stream()
        .anyMatch(r -> r.filter().minimumLevel() == io.hactl.core.logs.LogLevel.WARNING
            && r.filter().includeEntities().equals(java.util.List.of("machine-2"))));

    type("p");
    awaitScreen("PAUSED, 0 new", "p resume");
    type("p");
    awaitScreen("p pause");
    assertThat(screenText()).doesNotContain("first record"); // the old filter's records
  }

  @Test
  void questionMarkShowsHelpAndAnyKeyClosesIt() throws Exception {
    start(100, 30, Palette.colour());
    type("?");
    awaitScreen("┌─ help", "marks: * master   ! down");
    type("x");
    awaitTrue("help closes", () -> !screenText().contains("┌─ help"));
    assertThat(running).isNotDone();
  }

  @Test
  void aClickOnAFooterKeyPressesIt() throws Exception {
    start(80, 24, Palette.colour());
    feed.publish(Snapshots.healthy());
    awaitScreen("q quit  ? help");

    terminal.addInput(new com.googlecode.lanterna.input.MouseAction(
        com.googlecode.lanterna.input.MouseActionType.CLICK_DOWN, 1,
        new com.googlecode.lanterna.TerminalPosition(row(23).indexOf("help"), 23)));

    awaitScreen("┌─ help");
  }

  @Test
  void otherKeysDoNotQuit() throws Exception {
    start(80, 24, Palette.colour());
    terminal.addInput(new KeyStroke('x', false, false));
    terminal.addInput(new KeyStroke(KeyType.ArrowDown));
    feed.publish(Snapshots.healthy());

    awaitScreen("PRIMARY");
    assertThat(running).isNotDone();
  }
}
