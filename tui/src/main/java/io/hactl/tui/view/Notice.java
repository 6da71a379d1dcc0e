package io.hactl.tui.view;

/** The one-line message above the footer: an action's progress or outcome. */
public record Notice(String text, Style style) {

  public static Notice info(String text) {
    return new Notice(text, Style.NORMAL);
  }

  public static Notice good(String text) {
    return new Notice(text, Style.GOOD);
  }

  public static Notice error(String text) {
    return new Notice(text, Style.DOWN);
  }

  public static Notice working(String text) {
    return new Notice(text, Style.WARNING);
  }
}
