package io.hactl.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.Screen;
import io.hactl.tui.view.Frame;
import io.hactl.tui.view.Line;
import io.hactl.tui.view.Span;
import java.io.IOException;
import java.util.List;

/**
 * Puts a rendered {@link Frame} on a Lanterna screen. Only the rows that differ from the
 * previous frame are drawn again (a frame a second where mostly the ages change), and Lanterna
 * then sends only the cells that changed: drawing text is what an idle dashboard spends its CPU
 * on, so it is done for as little text as possible.
 */
public final class FramePainter {

  private final Palette palette;
  private Frame previous;

  public FramePainter(Palette palette) {
    this.palette = palette;
  }

  /** Draws {@code frame} into the back buffer and refreshes the terminal. UI thread only. */
  public void paint(Screen screen, Frame frame) throws IOException {
    boolean full = previous == null || previous.columns() != frame.columns()
        || previous.rows() != frame.rows();
    if (full) {
      screen.clear();
    }
    TextGraphics graphics = screen.newTextGraphics();
    List<Line> lines = frame.lines();
    for (int row = 0; row < frame.rows(); row++) {
      Line line = row < lines.size() ? lines.get(row) : Line.EMPTY;
      if (!full) {
        Line before = row < previous.lines().size() ? previous.lines().get(row) : Line.EMPTY;
        if (line.equals(before)) {
          continue;
        }
        blank(graphics, row, frame.columns());
      }
      draw(graphics, row, line);
    }
    previous = frame;
    screen.refresh();
  }

  /** Forgets what is on the screen: the next frame is drawn whole (after the screen was reset). */
  public void invalidate() {
    previous = null;
  }

  private void draw(TextGraphics graphics, int row, Line line) {
    int column = 0;
    for (Span span : line.spans()) {
      Palette.Look look = palette.look(span.style());
      graphics.clearModifiers();
      graphics.setForegroundColor(look.foreground());
      graphics.setBackgroundColor(look.background());
      if (!look.modifiers().isEmpty()) {
        graphics.enableModifiers(look.modifiers().toArray(new SGR[0]));
      }
      graphics.putString(column, row, span.text());
      column += span.text().length();
    }
  }

  private static void blank(TextGraphics graphics, int row, int columns) {
    graphics.clearModifiers();
    graphics.setForegroundColor(TextColor.ANSI.DEFAULT);
    graphics.setBackgroundColor(TextColor.ANSI.DEFAULT);
    graphics.drawLine(0, row, columns - 1, row, ' ');
  }
}
