package io.hactl.tui.view;

import java.util.List;

/**
 * One region of the dashboard, rendered as lines from the model alone. New panes (events, logs)
 * slot into {@link DashboardRenderer} without touching the others.
 */
public interface Pane {

  /** The pane's lines for a screen {@code width} columns wide; may be empty. */
  List<Line> render(DashboardModel model, int width);
}
