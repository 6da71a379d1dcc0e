package io.hactl.tui.view;

/** A section's title drawn as a rule across the width: {@code ── Machines ───────}. */
final class Rule {

  private Rule() {}

  static Line titled(String title, String detail, int width) {
    String head = "── " + title + " ";
    String tail = detail == null || detail.isEmpty() ? "" : detail + " ";
    int fill = Math.max(0, width - head.length() - tail.length());
    return Line.of(new Span(head, Style.TITLE), new Span(tail, Style.WARNING),
        new Span("─".repeat(fill), Style.DIM)).truncate(width);
  }
}
