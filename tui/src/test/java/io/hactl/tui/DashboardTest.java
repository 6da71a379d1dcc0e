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

  private final ManualFeed feed = new ManualFeed();
  private DefaultVirtualTerminal terminal;
  private CompletableFuture<Void> running;

  private void start(int columns, int rows, Palette palette) throws Exception {
    terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
    TerminalScreen screen = new TerminalScreen(terminal);
    Dashboard dashboard = new Dashboard("local", feed, screen, palette,
        Clock.fixed(Snapshots.NOW.plusSeconds(1), ZoneOffset.UTC));
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
      terminal.addInput(new KeyStroke('q', false, false));
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

  @Test
  void showsEachSnapshotThatArrivesOnTheFeedsThreadAt80x24() throws Exception {
    start(80, 24, Palette.colour());
    awaitScreen("waiting for the first status…");

    feed.publish(Snapshots.healthy());

    awaitScreen("0           local-0   127.0.0.1:37017  PRIMARY  has-vote  3s ago",
        "1        started  local-1   127.0.0.1  4243  host-units\n");
    assertThat(row(0)).isEqualTo(
        "hactl dashboard  environment local  provider local  HA none  master 0");
    awaitTrue("the footer on the last row", () -> row(23).equals(" q  quit"));
  }

  @Test
  void usesTheRoomOf120x40() throws Exception {
    start(120, 40, Palette.colour());
    feed.publish(Snapshots.machineDown());

    awaitScreen("1        down     local-1 (missing)  127.0.0.1  4243  host-units",
        "! machine 1: agent down since 09:58:45");
    awaitTrue("the footer on the last row", () -> row(39).equals(" q  quit"));
  }

  @Test
  void colourCarriesMeaningPrimaryGreenDownRed() throws Exception {
    start(80, 24, Palette.colour());
    feed.publish(Snapshots.machineDown());
    awaitScreen("! machine 1: agent down"); // drawn last: the frame is complete

    assertThat(cellOf("PRIMARY").getForegroundColor()).isEqualTo(TextColor.ANSI.GREEN);
    assertThat(cellOf("down ").getForegroundColor()).isEqualTo(TextColor.ANSI.RED);
  }

  @Test
  void withNoColorMeaningIsCarriedByWordsAndAttributesOnly() throws Exception {
    start(80, 24, Palette.forEnvironment(java.util.Map.of("NO_COLOR", "1")));
    feed.publish(Snapshots.machineDown());
    awaitScreen("! machine 1: agent down"); // drawn last: the frame is complete

    TextCharacter primary = cellOf("PRIMARY");
    TextCharacter down = cellOf("down ");
    assertThat(primary.getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
    assertThat(primary.getModifiers()).contains(SGR.BOLD);
    assertThat(down.getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
    assertThat(down.getModifiers()).contains(SGR.REVERSE);
  }

  @Test
  void showsReconnectingWithTheAgeOfTheLastKnownState() throws Exception {
    start(80, 24, Palette.colour());
    feed.publish(Snapshots.healthy());
    awaitScreen("PRIMARY");

    feed.publish(Snapshots.unreachable(Snapshots.NOW.plusSeconds(1)));

    awaitScreen("reconnecting… last known state 1s old");
    assertThat(screenText()).contains("0           local-0   127.0.0.1:37017  PRIMARY");
  }

  @Test
  void redrawsForTheNewSizeWhenTheTerminalIsResized() throws Exception {
    start(80, 24, Palette.colour());
    feed.publish(Snapshots.healthy());
    awaitScreen("PRIMARY");

    terminal.setTerminalSize(new TerminalSize(100, 30));

    awaitTrue("the footer on the new last row", () -> row(29).equals(" q  quit"));
  }

  @Test
  void qEndsTheLoopUnsubscribesAndLeavesThePrivateScreen() throws Exception {
    start(80, 24, Palette.colour());
    feed.publish(Snapshots.healthy());
    awaitScreen("PRIMARY");

    terminal.addInput(new KeyStroke('q', false, false));

    running.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    assertThat(feed.subscribers()).isZero();
    assertThat(screenText()).doesNotContain("PRIMARY");
  }

  @Test
  void escapeAndCtrlCQuitToo() throws Exception {
    start(80, 24, Palette.colour());
    terminal.addInput(new KeyStroke(KeyType.Escape));
    running.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

    start(80, 24, Palette.colour());
    terminal.addInput(new KeyStroke('c', true, false));
    running.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

    assertThat(running).isDone();
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
