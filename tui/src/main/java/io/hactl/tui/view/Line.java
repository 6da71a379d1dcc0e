package io.hactl.tui.view;

import java.util.ArrayList;
import java.util.List;

/** One screen row: spans left to right, never wider than the width it was rendered for. */
public record Line(List<Span> spans) {

  public static final Line EMPTY = new Line(List.of());

  public Line {
    spans = List.copyOf(spans);
  }

  public static Line of(Span... spans) {
    return new Line(List.of(spans));
  }

  public static Line text(String text, Style style) {
    return of(new Span(text, style));
  }

  public String text() {
    StringBuilder out = new StringBuilder();
    spans.forEach(s -> out.append(s.text()));
    return out.toString();
  }

  /** This line cut to {@code width} columns, the last visible character replaced by "…". */
  public Line truncate(int width) {
    if (text().length() <= width) {
      return this;
    }
    List<Span> kept = new ArrayList<>();
    int room = Math.max(0, width - 1);
    for (Span span : spans) {
      if (room == 0) {
        break;
      }
      String part = span.text().length() <= room ? span.text() : span.text().substring(0, room);
      kept.add(new Span(part, span.style()));
      room -= part.length();
    }
    if (width > 0) {
      kept.add(new Span("…", Style.DIM));
    }
    return new Line(kept);
  }

  /** The text from column {@code from} (inclusive) to {@code to} (exclusive), styles kept. */
  public Line slice(int from, int to) {
    List<Span> kept = new ArrayList<>();
    int column = 0;
    for (Span span : spans) {
      int start = column;
      int end = column + span.text().length();
      column = end;
      int a = Math.max(start, from);
      int b = Math.min(end, to);
      if (a < b) {
        kept.add(new Span(span.text().substring(a - start, b - start), span.style()));
      }
    }
    return new Line(kept);
  }

  /** This line with {@code top} drawn over it from {@code column}, within {@code width}. */
  public Line overlay(Line top, int column, int width) {
    String text = text();
    List<Span> out = new ArrayList<>(slice(0, column).spans());
    if (text.length() < column) {
      out.add(Span.of(" ".repeat(column - text.length())));
    }
    out.addAll(top.spans());
    int end = column + top.text().length();
    out.addAll(slice(end, Integer.MAX_VALUE).spans());
    return new Line(out).truncate(width);
  }
}
