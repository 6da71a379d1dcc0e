package io.hactl.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.StatusFeed;
import io.hactl.tui.view.DashboardRenderer;
import io.hactl.tui.view.DashboardState;
import io.hactl.tui.view.Frame;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The full-screen live view of one environment.
 *
 * <p>Threads: the feed calls its listener on its own thread; the listener only queues the snapshot.
 * The thread that calls {@link #run()} is the UI thread: it alone touches the screen and the
 * dashboard's state, and it never does I/O other than the terminal's. It wakes for a snapshot, a
 * key (polled every {@link #KEY_POLL}, so no thread is left blocked reading the terminal after
 * quitting, which matters when a REPL takes the terminal back), or once a second to age the
 * "updated …" and heartbeat columns.
 *
 * <pre>{@code
 * try (Terminal terminal = new DefaultTerminalFactory().createTerminal();
 *      Screen screen = new TerminalScreen(terminal)) {
 *   new Dashboard("local", client.watch(Duration.ofSeconds(1)), screen,
 *       Palette.forEnvironment(System.getenv()), Clock.systemUTC()).run();
 * }
 * }</pre>
 */
public final class Dashboard {

  static final Duration KEY_POLL = Duration.ofMillis(40);
  private static final Duration AGE_TICK = Duration.ofSeconds(1);

  private final StatusFeed feed;
  private final Screen screen;
  private final Clock clock;
  private final DashboardState state;
  private final DashboardRenderer renderer = new DashboardRenderer();
  private final FramePainter painter;
  private final BlockingQueue<EnvironmentStatus> inbox = new LinkedBlockingQueue<>();

  public Dashboard(
      String environment, StatusFeed feed, Screen screen, Palette palette, Clock clock) {
    this.feed = feed;
    this.screen = screen;
    this.clock = clock;
    this.state = new DashboardState(environment);
    this.painter = new FramePainter(palette);
  }

  /**
   * Shows the dashboard until the user presses {@code q}, Escape or Ctrl-C, or input ends. Starts
   * the screen and stops it again (restoring the terminal) before returning, also on failure.
   */
  public void run() throws IOException {
    screen.startScreen();
    try (AutoCloseable subscription = feed.subscribe(inbox::add)) {
      screen.setCursorPosition(null);
      loop();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot unsubscribe from the status feed: " + e.getMessage(), e);
    } finally {
      screen.stopScreen();
    }
  }

  private void loop() throws IOException {
    TerminalSize size = screen.getTerminalSize();
    Instant lastPaint = Instant.MIN;
    boolean dirty = true;
    while (true) {
      for (KeyStroke key = screen.pollInput(); key != null; key = screen.pollInput()) {
        if (isQuit(key)) {
          return;
        }
      }
      if (Thread.currentThread().isInterrupted()) {
        return; // the owner wants the terminal back
      }
      EnvironmentStatus snapshot = take();
      for (; snapshot != null; snapshot = inbox.poll()) {
        state.accept(snapshot);
        dirty = true;
      }
      TerminalSize resized = screen.doResizeIfNecessary();
      if (resized != null) {
        size = resized;
        dirty = true;
      }
      Instant now = clock.instant();
      if (dirty || Duration.between(lastPaint, now).compareTo(AGE_TICK) >= 0) {
        paint(size, now);
        lastPaint = now;
        dirty = false;
      }
    }
  }

  private EnvironmentStatus take() {
    try {
      return inbox.poll(KEY_POLL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private void paint(TerminalSize size, Instant now) throws IOException {
    Frame frame = renderer.render(state.model(now), size.getColumns(), size.getRows());
    painter.paint(screen, frame);
  }

  static boolean isQuit(KeyStroke key) {
    KeyType type = key.getKeyType();
    if (type == KeyType.Escape || type == KeyType.EOF) {
      return true;
    }
    if (type != KeyType.Character) {
      return false;
    }
    char c = Character.toLowerCase(key.getCharacter());
    return c == 'q' && !key.isCtrlDown() || c == 'c' && key.isCtrlDown();
  }
}
