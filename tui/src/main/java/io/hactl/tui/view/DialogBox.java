package io.hactl.tui.view;

import java.util.ArrayList;
import java.util.List;

/** Draws a {@link Dialog} as a framed box centred over the frame's lines. */
final class DialogBox {

  private DialogBox() {}

  static List<Line> overlay(List<Line> base, Dialog dialog, int columns, int rows) {
    int inner = Math.max(10, Math.min(columns - 4, 70) - 4);
    List<Line> box = new ArrayList<>();
    String title = "┌─ " + dialog.title() + " ";
    box.add(Line.text(pad(title, inner + 3, '─') + "┐", Style.TITLE));
    for (String text : dialog.body()) {
      for (String part : wrap(text, inner)) {
        box.add(framed(Span.of(part), inner));
      }
    }
    if (dialog.input() != null) {
      box.add(framed(Span.of(""), inner));
      String shown = "> " + dialog.input() + "_";
      if (shown.length() > inner) {
        shown = "…" + shown.substring(shown.length() - inner + 1);
      }
      box.add(framed(new Span(shown, Style.TITLE), inner));
    }
    box.add(framed(Span.of(""), inner));
    box.add(framed(new Span(dialog.hint(), Style.DIM), inner));
    box.add(Line.text("└" + "─".repeat(inner + 2) + "┘", Style.TITLE));
    int height = Math.min(box.size(), rows);
    int top = Math.max(0, (rows - height) / 2);
    int left = Math.max(0, (columns - (inner + 4)) / 2);
    List<Line> out = new ArrayList<>(base);
    for (int i = 0; i < height && top + i < out.size(); i++) {
      out.set(top + i, out.get(top + i).overlay(box.get(i), left, columns));
    }
    return out;
  }

  private static Line framed(Span content, int inner) {
    String text = content.text().length() > inner
        ? content.text().substring(0, inner) : content.text();
    return Line.of(new Span("│ ", Style.TITLE), new Span(text, content.style()),
        Span.of(" ".repeat(inner - text.length())), new Span(" │", Style.TITLE));
  }

  private static String pad(String s, int width, char fill) {
    StringBuilder out = new StringBuilder(s.length() > width ? s.substring(0, width) : s);
    while (out.length() < width) {
      out.append(fill);
    }
    return out.toString();
  }

  /** Splits {@code text} into lines of at most {@code width}, at spaces where possible. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    String rest = text;
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        cut = width;
      }
      lines.add(rest.substring(0, cut));
      rest = rest.substring(cut).stripLeading();
    }
    lines.add(rest);
    return lines;
  }
}
