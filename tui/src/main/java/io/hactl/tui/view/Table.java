package io.hactl.tui.view;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns sized to their content, two spaces apart, rendered as dashboard lines. Cells carry
 * their own style so a state can be coloured without changing the column layout. On a narrow
 * terminal the columns named in {@link #dropFirst} are left out, in that order, until the rest
 * fits, so that what matters most is never cut off by an ellipsis.
 */
public final class Table {

  private static final int GAP = 2;

  private final List<String> headers;
  private final List<List<Span>> rows = new ArrayList<>();
  private List<String> dropOrder = List.of();

  public Table(String... headers) {
    this.headers = List.of(headers);
  }

  /** The columns to leave out when the table is too wide, least important first. */
  public Table dropFirst(String... columns) {
    this.dropOrder = List.of(columns);
    return this;
  }

  public Table row(Span... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, table has " + headers.size() + " columns");
    }
    List<Span> row = new ArrayList<>(cells.length);
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
    return lines(width, 0, rows.size());
  }

  /**
   * The header line then rows {@code from} (inclusive) to {@code to} (exclusive). Column widths
   * are those of the whole table, so scrolling does not make columns jump.
   */
  public List<Line> lines(int width, int from, int to) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<Span> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).text().length());
      }
    }
    boolean[] shown = new boolean[widths.length];
    java.util.Arrays.fill(shown, true);
    for (String drop : dropOrder) {
      if (total(widths, shown) <= width) {
        break;
      }
      int c = headers.indexOf(drop);
      if (c >= 0) {
        shown[c] = false;
      }
    }
    List<Line> lines = new ArrayList<>(to - from + 1);
    List<Span> header = headers.stream().map(h -> new Span(h, Style.HEADING)).toList();
    lines.add(line(header, widths, shown).truncate(width));
    for (int r = from; r < to; r++) {
      lines.add(line(rows.get(r), widths, shown).truncate(width));
    }
    return lines;
  }

  private static int total(int[] widths, boolean[] shown) {
    int sum = 0;
    for (int c = 0; c < widths.length; c++) {
      if (shown[c]) {
        sum += widths[c] + GAP;
      }
    }
    return sum - GAP;
  }

  private static Line line(List<Span> cells, int[] widths, boolean[] shown) {
    List<Span> spans = new ArrayList<>();
    int last = -1;
    for (int c = 0; c < cells.size(); c++) {
      if (shown[c]) {
        last = c;
      }
    }
    for (int c = 0; c < cells.size(); c++) {
      if (!shown[c]) {
        continue;
      }
      Span cell = cells.get(c);
      spans.add(cell);
      if (c < last) {
        spans.add(Span.of(" ".repeat(widths[c] - cell.text().length() + GAP)));
      }
    }
    return new Line(spans);
  }
}
