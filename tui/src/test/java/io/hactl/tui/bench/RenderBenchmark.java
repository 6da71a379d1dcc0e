package io.hactl.tui.bench;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.hactl.core.logs.LogLevel;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.EventView;
import io.hactl.core.status.MachineStatus;
import io.hactl.core.status.MemberStatus;
import io.hactl.tui.FramePainter;
import io.hactl.tui.Palette;
import io.hactl.tui.view.DashboardRenderer;
import io.hactl.tui.view.DashboardState;
import io.hactl.tui.view.Frame;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Frame time of a 7-controller, 500-machine environment (target: under 50 ms a frame): builds
 * the model from a new snapshot, renders it and paints it on a Lanterna virtual terminal, as the
 * dashboard does once a second, at 80x24, 120x40 and 200x60. Prints each run's median and the
 * median of the runs. Not a test: run by bench/dashboard-bench.sh.
 */
public final class RenderBenchmark {

  private RenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int frames = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    for (int[] size : new int[][] {{80, 24}, {120, 40}, {200, 60}}) {
      double[] wall = new double[runs];
      double[] cpu = new double[runs];
      for (int run = 0; run < runs; run++) {
        double[] result = run(size[0], size[1], frames, now);
        wall[run] = result[0];
        cpu[run] = result[1];
        System.out.printf("render %dx%d run %d: median %.3f ms/frame wall, %.3f ms CPU%n",
            size[0], size[1], run + 1, wall[run], cpu[run]);
      }
      System.out.printf("render %dx%d: median of %d runs %.3f ms/frame wall, %.3f ms CPU"
          + " (7 controllers, 500 machines; target < 50 ms)%n", size[0], size[1], runs,
          median(wall), median(cpu));
    }
  }

  /**
   * The median wall and CPU time of {@code frames} frames, each from a fresh snapshot, in ms.
   * CPU time is the thread's own, so it stays meaningful on a machine shared with other work.
   */
  static double[] run(int columns, int rows, int frames, Instant start) throws Exception {
    DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
    TerminalScreen screen = new TerminalScreen(terminal);
    screen.startScreen();
    FramePainter painter = new FramePainter(Palette.colour());
    DashboardRenderer renderer = new DashboardRenderer();
    DashboardState state = new DashboardState("bench");
    List<LogRecord> logs = new ArrayList<>();
    for (int i = 0; i < DashboardState.LOG_KEPT; i++) {
      logs.add(new LogRecord(start, "machine-" + (i % 507), "io.hactl.agent.HeartbeatWorker",
          LogLevel.INFO, "heartbeat " + i, "", i));
    }
    state.acceptLogs(logs);
    double[] times = new double[frames];
    double[] cpu = new double[frames];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int f = 0; f < frames + 20; f++) {
      Instant at = start.plusSeconds(f);
      long t0 = System.nanoTime();
      long c0 = threads.getCurrentThreadCpuTime();
      state.accept(snapshot(at, f));
      Frame frame = renderer.render(state.model(at), columns, rows);
      painter.paint(screen, frame);
      long t1 = System.nanoTime();
      long c1 = threads.getCurrentThreadCpuTime();
      if (f >= 20) { // the first frames warm the JIT up
        times[f - 20] = (t1 - t0) / 1e6;
        cpu[f - 20] = (c1 - c0) / 1e6;
      }
    }
    screen.stopScreen();
    return new double[] {median(times), median(cpu)};
  }

  /** 7 voting controllers and 500 plain machines; every 10th frame one machine changes. */
  static EnvironmentStatus snapshot(Instant at, int frame) {
    List<MachineStatus> machines = new ArrayList<>(507);
    for (int i = 0; i < 7; i++) {
      String id = String.valueOf(i);
      machines.add(new MachineStatus(id, List.of("host-units", "manage-environ"), "alive",
          "local-machine-" + id, "running", List.of("127.0.0.1"), Map.of("state", 20000 + i),
          Map.of("pid", String.valueOf(1000 + i)), "started", at.minusSeconds(1),
          new MemberStatus("127.0.0.1:" + (20000 + i), i == 0 ? "PRIMARY" : "SECONDARY", true,
              true, i == 0, i)));
    }
    for (int i = 7; i < 507; i++) {
      String id = String.valueOf(i);
      boolean down = frame / 10 % 500 == i - 7;
      machines.add(new MachineStatus(id, List.of("host-units"), "alive", "local-machine-" + id,
          down ? "stopped" : "running", List.of("127.0.0.1"), Map.of(),
          Map.of("pid", String.valueOf(1000 + i)), down ? "down" : "started",
          at.minusSeconds(2), null));
    }
    List<EventView> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      events.add(new EventView(at.minusSeconds(100 - i), i % 2 == 0 ? "reconfig" : "election",
          "0", "event " + i));
    }
    return new EnvironmentStatus("bench", "uuid", "local", true, true, at, "0", machines, null,
        List.of(), events);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
