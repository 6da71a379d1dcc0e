package io.hactl.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.Screen;
import io.hactl.tui.view.Frame;
import io.hactl.tui.view.Line;
import io.hactl.tui.view.Span;
import java.io.IOException;

/** Puts a rendered {@link Frame} on a Lanterna screen; Lanterna sends only what changed. */
public final class FramePainter {

  private final Palette palette;

  public FramePainter(Palette palette) {
    this.palette = palette;
  }

  /** Draws {@code frame} into the back buffer and refreshes the terminal. UI thread only. */
  public void paint(Screen screen, Frame frame) throws IOException {
    screen.clear();
    TextGraphics graphics = screen.newTextGraphics();
    for (int row = 0; row < frame.lines().size(); row++) {
      Line line = frame.lines().get(row);
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
    screen.refresh();
  }
}
