package io.hactl.tui.view;

import java.util.Objects;

/**
 * A run of text with one meaning. Null text is empty text: a snapshot's fields may be null (a
 * controller's address before its instance starts) and the screen must not fail on them.
 */
public record Span(String text, Style style) {
  public Span {
    text = text == null ? "" : text;
    Objects.requireNonNull(style);
  }

  public static Span of(String text) {
    return new Span(text, Style.NORMAL);
  }
}
