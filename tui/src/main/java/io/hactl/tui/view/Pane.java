package io.hactl.tui.view;

import java.util.List;

/**
 * One region of the dashboard, rendered as lines from the model alone. The layout gives each
 * pane a height; a pane that has more to say than fits says how much is hidden.
 */
public interface Pane {

  /** At most {@code height} lines, each at most {@code width} wide; may be empty. */
  List<Line> render(DashboardModel model, int width, int height);
}
