package io.hactl.tui.view;

import java.util.Objects;

/** A run of text with one meaning. */
public record Span(String text, Style style) {
  public Span {
    Objects.requireNonNull(text);
    Objects.requireNonNull(style);
  }

  public static Span of(String text) {
    return new Span(text, Style.NORMAL);
  }
}
