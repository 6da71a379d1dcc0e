package io.hactl.tui.view;

import java.util.List;

/**
 * A box drawn over the dashboard: a confirmation, a question with an input field, or help.
 *
 * @param title the box's title
 * @param body lines of explanation
 * @param input the text typed so far, or null when the dialog asks for no input
 * @param hint the keys that answer it, e.g. {@code enter: confirm   esc: cancel}
 */
public record Dialog(String title, List<String> body, String input, String hint) {

  public Dialog {
    body = List.copyOf(body);
  }

  public Dialog withInput(String text) {
    return new Dialog(title, body, text, hint);
  }
}
