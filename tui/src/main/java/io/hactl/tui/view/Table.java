package io.hactl.tui.view;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns sized to their content, two spaces apart, rendered as dashboard lines. Cells carry
 * their own style so a state can be coloured without changing the column layout.
 */
public final class Table {

  private final List<String> headers;
  private final List<List<Span>> rows = new ArrayList<>();

  public Table(String... headers) {
    this.headers = List.of(headers);
  }

  public Table row(Span... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, table has " + headers.size() + " columns");
    }
    List<Span> row = new ArrayList<>();
    for (Span cell : cells) {
      row.add(cell.text().isEmpty() ? new Span("-", Style.DIM) : cell);
    }
    rows.add(row);
    return this;
  }

  public int size() {
    return rows.size();
  }

  /** The header line then one line per row, each cut to {@code width}. */
  public List<Line> lines(int width) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<Span> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).text().length());
      }
    }
    List<Line> lines = new ArrayList<>();
    List<Span> header = headers.stream().map(h -> new Span(h, Style.HEADING)).toList();
    lines.add(line(header, widths).truncate(width));
    for (List<Span> row : rows) {
      lines.add(line(row, widths).truncate(width));
    }
    return lines;
  }

  private static Line line(List<Span> cells, int[] widths) {
    List<Span> spans = new ArrayList<>();
    for (int c = 0; c < cells.size(); c++) {
      Span cell = cells.get(c);
      spans.add(cell);
      if (c < cells.size() - 1) {
        spans.add(Span.of(" ".repeat(widths[c] - cell.text().length() + 2)));
      }
    }
    return new Line(spans);
  }
}
