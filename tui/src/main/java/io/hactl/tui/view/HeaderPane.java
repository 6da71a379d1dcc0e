package io.hactl.tui.view;

import io.hactl.core.status.EnvironmentStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The first two rows: who and what (environment, provider, HA, master), then how fresh the view
 * is, including "reconnecting…" with the age of the last known state while state is unreachable.
 */
public final class HeaderPane implements Pane {

  @Override
  public List<Line> render(DashboardModel model, int width) {
    EnvironmentStatus shown = model.shown();
    List<Span> title = new ArrayList<>();
    title.add(new Span("hactl dashboard", Style.TITLE));
    title.add(Span.of("  environment "));
    title.add(new Span(model.environment(), Style.TITLE));
    if (shown != null) {
      title.add(Span.of("  provider " + shown.provider()));
      String ha = shown.haSummary();
      title.add(Span.of("  "));
      title.add(new Span("HA " + ha, haStyle(ha)));
      title.add(Span.of("  master "));
      title.add(shown.master() == null
          ? new Span("none", shown.controllers().isEmpty() ? Style.DIM : Style.DOWN)
          : new Span(shown.master(), Style.PRIMARY));
    }
    return List.of(new Line(title).truncate(width), freshness(model).truncate(width));
  }

  /** Core's summary: {@code none}, {@code 3} (all voters up) or {@code 2/3} (some down). */
  private static Style haStyle(String ha) {
    if (ha.equals("none")) {
      return Style.DIM;
    }
    if (ha.startsWith("0/")) {
      return Style.DOWN;
    }
    return ha.contains("/") ? Style.WARNING : Style.GOOD;
  }

  private static Line freshness(DashboardModel model) {
    EnvironmentStatus latest = model.latest();
    if (latest == null) {
      return Line.text("waiting for the first status…", Style.DIM);
    }
    if (!latest.bootstrapped()) {
      return Line.text("not bootstrapped: run `bootstrap` to start its first controller",
          Style.WARNING);
    }
    if (model.reconnecting()) {
      String age = model.lastKnownAge() == null
          ? "no state read yet"
          : "last known state " + Ages.of(model.lastKnownAge()) + " old";
      String why = latest.problem() == null ? "" : " (" + latest.problem() + ")";
      return Line.of(new Span("reconnecting… ", Style.WARNING), Span.of(age + why));
    }
    return Line.text("updated " + Ages.since(latest.observedAt(), model.now()), Style.DIM);
  }
}
