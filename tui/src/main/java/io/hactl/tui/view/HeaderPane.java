package io.hactl.tui.view;

import io.hactl.core.status.EnvironmentStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The first two rows. Row one: environment, provider, the HA summary ({@code HA 3/3}), the quorum
 * margin in words and the master. Row two: how fresh the view is, a failover as it happens (old
 * master lost, election, new master), or "reconnecting to N controllers…" with the age of the
 * last known state while state is unreachable.
 */
public final class HeaderPane implements Pane {

  /** A snapshot older than this means core's feed is blocked reading state. */
  static final Duration STALE = Duration.ofSeconds(4);

  @Override
  public List<Line> render(DashboardModel model, int width, int height) {
    EnvironmentStatus shown = model.shown();
    List<Span> title = new ArrayList<>();
    title.add(new Span("hactl", Style.TITLE));
    title.add(Span.of("  env "));
    title.add(new Span(model.environment(), Style.TITLE));
    if (shown != null) {
      title.add(Span.of("  provider " + shown.provider()));
      if (shown.bootstrapped()) {
        HaFacts ha = HaFacts.of(shown);
        title.add(Span.of("  "));
        title.add(new Span(ha.summary(), ha.style()));
        if (ha.voters() > 0) {
          title.add(Span.of("  "));
          title.add(new Span(ha.marginText(), ha.margin() < 0 ? Style.DOWN
              : ha.margin() == 0 && ha.voters() > 1 ? Style.WARNING : Style.NORMAL));
        }
        title.add(Span.of("  master "));
        title.add(shown.master() == null
            ? new Span("none", shown.controllers().isEmpty() ? Style.DIM : Style.DOWN)
            : new Span("*" + shown.master(), Style.PRIMARY));
      }
    }
    List<Line> lines = List.of(new Line(title).truncate(width),
        secondRow(model).truncate(width));
    return lines.subList(0, Math.min(height, lines.size()));
  }

  private static Line secondRow(DashboardModel model) {
    EnvironmentStatus latest = model.latest();
    if (latest == null) {
      return Line.text("waiting for the first status…", Style.DIM);
    }
    if (!latest.bootstrapped()) {
      return Line.text("not bootstrapped: run `hactl bootstrap` to start its first controller",
          Style.WARNING);
    }
    List<Span> spans = new ArrayList<>();
    if (model.reconnecting()) {
      EnvironmentStatus known = model.lastReachable();
      int controllers = known == null ? 0 : known.controllers().size();
      String age = model.lastKnownAge() == null
          ? "no state read yet"
          : "last known state " + Ages.of(model.lastKnownAge()) + " old";
      spans.add(new Span(controllers == 0 ? "reconnecting… "
          : "reconnecting to " + controllers + (controllers == 1 ? " controller… "
              : " controllers… "), Style.WARNING));
      spans.add(Span.of(age));
    }
    Failover failover = model.visibleFailover();
    if (failover != null) {
      if (!spans.isEmpty()) {
        spans.add(Span.of("  "));
      }
      spans.add(failoverSpan(failover, model));
    }
    if (spans.isEmpty()) {
      Duration age = Duration.between(latest.observedAt(), model.now());
      if (age.compareTo(STALE) > 0) {
        // core's feed is still waiting on a read: say so rather than look frozen
        return Line.text("updated " + Ages.of(age) + " ago: waiting for the controllers to"
            + " answer", Style.WARNING);
      }
      return Line.text("updated " + Ages.since(latest.observedAt(), model.now()), Style.DIM);
    }
    return new Line(spans);
  }

  private static Span failoverSpan(Failover failover, DashboardModel model) {
    if (failover.inProgress()) {
      return new Span("NO MASTER: master " + failover.oldMaster() + " lost "
          + Ages.since(failover.lostAt(), model.now()) + ", waiting for an election",
          Style.DOWN);
    }
    return new Span("FAILOVER: master " + failover.oldMaster() + " -> " + failover.newMaster()
        + " in " + Ages.precise(failover.duration()) + ", "
        + Ages.since(failover.electedAt(), model.now()), Style.PRIMARY);
  }
}
