package io.hactl.tui.view;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the dashboard shows on one screen: at most {@code rows} lines, each at most
 * {@code columns} wide. Rendering produces a frame without touching a terminal, so the whole
 * layout is tested as text.
 */
public record Frame(int columns, int rows, List<Line> lines) {

  public Frame {
    lines = List.copyOf(lines);
    if (lines.size() > rows) {
      throw new IllegalArgumentException(lines.size() + " lines do not fit " + rows + " rows");
    }
  }

  /** The frame as plain text, one line per row, trailing spaces removed. */
  public String text() {
    return lines.stream().map(l -> l.text().stripTrailing()).collect(Collectors.joining("\n"));
  }
}
