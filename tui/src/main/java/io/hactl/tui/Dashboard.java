package io.hactl.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ExtendedTerminal;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import io.hactl.core.HactlException;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.status.StatusFeed;
import io.hactl.tui.view.DashboardModel;
import io.hactl.tui.view.DashboardRenderer;
import io.hactl.tui.view.DashboardState;
import io.hactl.tui.view.Frame;
import io.hactl.tui.view.Line;
import io.hactl.tui.view.Style;
import io.hactl.tui.view.Notice;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The full-screen live view of an environment, with actions.
 *
 * <p>Threads: the thread that calls {@link #run()} is the UI thread. It alone touches the screen
 * and the {@link DashboardState}, and it does no I/O but the terminal's: core's status feed, the
 * log tail and the action worker hand their results to it through an inbox of tasks. It wakes for
 * a task, a key (polled, so no thread is left blocked reading the terminal after quitting, which
 * matters when a REPL takes the terminal back: every {@link #KEY_POLL_ACTIVE} for a few seconds
 * after a key, every {@link #KEY_POLL_IDLE} otherwise, so an idle dashboard costs little), or
 * once a second to age the "updated …" and heartbeat columns. Opening a feed or a client (which may connect)
 * happens on the "dashboard-link" thread; each environment shown gets a generation number, and
 * tasks of an older generation are dropped, so a switch never mixes two environments.
 *
 * <pre>{@code
 * try (Terminal terminal = new DefaultTerminalFactory().createTerminal()) {
 *   new Dashboard(new DashboardOptions("local", Duration.ofSeconds(1),
 *       Palette.forEnvironment(System.getenv()), Clock.systemUTC(), false),
 *       backend, new TerminalScreen(terminal)).run();
 * }
 * }</pre>
 */
public final class Dashboard implements Controls.Host {

  /** How often keys are polled while the operator is typing, and while the screen is idle. */
  static final Duration KEY_POLL_ACTIVE = Duration.ofMillis(25);
  static final Duration KEY_POLL_IDLE = Duration.ofMillis(100);
  private static final Duration ACTIVE_FOR = Duration.ofSeconds(3);
  private static final Duration AGE_TICK = Duration.ofSeconds(1);
  private static final Duration LINK_CLOSE = Duration.ofSeconds(3);

  private final DashboardOptions options;
  private final DashboardBackend backend;
  private final Screen screen;
  private final DashboardRenderer renderer = new DashboardRenderer();
  private final FramePainter painter;
  private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
  private final AtomicInteger generation = new AtomicInteger();
  private final ExecutorService linker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "dashboard-link");
    t.setDaemon(true);
    return t;
  });
  private final ActionRunner actions;
  private final Controls controls = new Controls(this);
  /** Touched on the link thread only. */
  private EnvironmentLink link;
  private DashboardState state;
  private volatile EnvironmentClient client;
  private TerminalSize size;

  public Dashboard(DashboardOptions options, DashboardBackend backend, Screen screen) {
    this.options = options;
    this.backend = backend;
    this.screen = screen;
    this.painter = new FramePainter(options.palette());
    this.state = new DashboardState(options.environment(), options.readOnly());
    this.actions = new ActionRunner(notice -> post(() -> state.notice(notice)));
  }

  /**
   * Shows the dashboard until the user presses {@code q}, Escape or Ctrl-C, or input ends. Starts
   * the screen and stops it again (restoring the terminal) before returning, also on failure.
   */
  public void run() throws IOException {
    screen.startScreen();
    boolean mouse = false;
    try {
      screen.setCursorPosition(null);
      mouse = captureMouse(MouseCaptureMode.CLICK_RELEASE);
      linkTo(options.environment());
      loop();
    } finally {
      if (mouse) {
        captureMouse(null);
      }
      screen.stopScreen();
      actions.close();
      stopLink();
    }
  }

  /**
   * Closes the feed and log tail before returning, so the caller gets its terminal back with
   * nothing of this dashboard left running; waits a bounded time for a link still opening.
   */
  private void stopLink() {
    try {
      linker.submit(this::unlink).get(LINK_CLOSE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // closing is best effort: the feed and tail threads are daemons
    } finally {
      linker.shutdown();
    }
  }

  private boolean captureMouse(MouseCaptureMode mode) {
    if (screen instanceof TerminalScreen terminalScreen
        && terminalScreen.getTerminal() instanceof ExtendedTerminal extended) {
      try {
        extended.setMouseCaptureMode(mode);
        return true;
      } catch (IOException e) {
        return false; // a terminal without mouse reporting still has every key
      }
    }
    return false;
  }

  private void loop() throws IOException {
    size = screen.getTerminalSize();
    Instant lastPaint = Instant.MIN;
    long lastKey = System.nanoTime();
    boolean dirty = true;
    while (true) {
      for (KeyStroke key = screen.pollInput(); key != null; key = screen.pollInput()) {
        if (!handle(key)) {
          return;
        }
        dirty = true;
        lastKey = System.nanoTime();
      }
      if (Thread.currentThread().isInterrupted()) {
        return; // the owner wants the terminal back
      }
      boolean active = System.nanoTime() - lastKey < ACTIVE_FOR.toNanos();
      for (Runnable task = take(active ? KEY_POLL_ACTIVE : KEY_POLL_IDLE); task != null;
          task = inbox.poll()) {
        task.run();
        dirty = true;
      }
      TerminalSize resized = screen.doResizeIfNecessary();
      if (resized != null) {
        size = resized;
        dirty = true;
      }
      Instant now = options.clock().instant();
      if (dirty || Duration.between(lastPaint, now).compareTo(AGE_TICK) >= 0) {
        paint(now);
        lastPaint = now;
        dirty = false;
      }
    }
  }

  private boolean handle(KeyStroke key) {
    if (key instanceof MouseAction mouse) {
      mouse(mouse);
      return true;
    }
    return controls.key(key);
  }

  /** A click on a footer key presses it; the wheel scrolls the machines. */
  private void mouse(MouseAction mouse) {
    MouseActionType type = mouse.getActionType();
    if (type == MouseActionType.SCROLL_DOWN) {
      state.scrollMachines(3);
    } else if (type == MouseActionType.SCROLL_UP) {
      state.scrollMachines(-3);
    } else if (type == MouseActionType.CLICK_DOWN && !controls.dialogOpen()
        && mouse.getPosition().getRow() == size.getRows() - 1) {
      DashboardModel model = state.model(options.clock().instant());
      String key = renderer.footer().keyAt(model, size.getColumns(),
          mouse.getPosition().getColumn());
      if (key != null && !key.equals("q")) {
        controls.key(new KeyStroke(key.charAt(0), false, false));
      }
    }
  }

  private Runnable take(Duration wait) {
    try {
      return inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private void paint(Instant now) throws IOException {
    Frame frame;
    try {
      frame = renderer.render(state.model(now), size.getColumns(), size.getRows());
    } catch (RuntimeException e) {
      // A view bug must not take the operator's screen away in the middle of a failover: say
      // so on the screen and keep the loop (and the feed) alive.
      frame = new Frame(size.getColumns(), size.getRows(), List.of(
          Line.text("the dashboard cannot draw this state: " + e, Style.DOWN)
              .truncate(size.getColumns())));
    }
    painter.paint(screen, frame);
  }

  private void post(Runnable task) {
    inbox.add(task);
  }

  /** Posts {@code task} unless the environment shown changed since {@code gen}. */
  private void post(int gen, Runnable task) {
    inbox.add(() -> {
      if (generation.get() == gen) {
        task.run();
      }
    });
  }

  /** Shows {@code environment}: a fresh state now, its feed and log once opened. UI thread. */
  private void linkTo(String environment) {
    int gen = generation.incrementAndGet();
    LogFilter filter = state.logFilter();
    state = new DashboardState(environment, options.readOnly());
    state.logFilter(filter);
    client = null;
    linker.execute(() -> {
      unlink();
      try {
        EnvironmentClient opened = backend.client(environment);
        StatusFeed feed = backend.watch(environment, options.refresh());
        link = new EnvironmentLink(feed, feed.subscribe(s -> post(gen, () -> state.accept(s))),
            null);
        post(gen, () -> client = opened);
        link.tail = newTail(opened, filter, gen);
      } catch (HactlException | RuntimeException e) {
        post(gen, () -> state.notice(Notice.error("cannot show " + environment + ": "
            + e.getMessage())));
      }
    });
  }

  private LogTail newTail(EnvironmentClient opened, LogFilter filter, int gen) {
    return new LogTail(opened, filter, new LogTail.Sink() {
      @Override
      public void records(List<LogRecord> records) {
        post(gen, () -> state.acceptLogs(records));
      }

      @Override
      public void problem(String problem) {
        post(gen, () -> state.logProblem(problem));
      }
    });
  }

  private void unlink() {
    if (link != null) {
      link.close();
      link = null;
    }
  }

  @Override
  public DashboardState state() {
    return state;
  }

  @Override
  public EnvironmentClient client() {
    return client;
  }

  @Override
  public ActionRunner actions() {
    return actions;
  }

  @Override
  public void environments(Consumer<List<String>> then) {
    linker.execute(() -> {
      try {
        List<String> names = backend.environments();
        post(() -> then.accept(names));
      } catch (HactlException | RuntimeException e) {
        post(() -> state.notice(Notice.error("cannot list environments: " + e.getMessage())));
      }
    });
  }

  @Override
  public void switchTo(String environment) {
    linkTo(environment);
    linker.execute(() -> {
      try {
        backend.switched(environment);
      } catch (HactlException | RuntimeException e) {
        post(() -> state.notice(Notice.error("showing " + environment + ", but it could not"
            + " be made the current environment: " + e.getMessage())));
      }
    });
  }

  @Override
  public void filter(LogFilter filter) {
    state.logFilter(filter);
    state.notice(Notice.info("log filter: " + io.hactl.tui.view.LogsPane.describe(filter)));
    int gen = generation.get();
    EnvironmentClient current = client;
    if (current == null) {
      return; // the link starts its tail with the state's filter
    }
    linker.execute(() -> {
      if (link != null && generation.get() == gen) {
        if (link.tail != null) {
          link.tail.close();
        }
        link.tail = newTail(current, filter, gen);
      }
    });
  }

  /** The feed, its subscription and the log tail of the environment shown. */
  private static final class EnvironmentLink implements AutoCloseable {
    private final StatusFeed feed;
    private final AutoCloseable subscription;
    private LogTail tail;

    EnvironmentLink(StatusFeed feed, AutoCloseable subscription, LogTail tail) {
      this.feed = feed;
      this.subscription = subscription;
      this.tail = tail;
    }

    @Override
    public void close() {
      try {
        subscription.close();
      } catch (Exception e) {
        // closing the feed below stops it anyway
      }
      feed.close();
      if (tail != null) {
        tail.close();
      }
    }
  }
}
