package io.hactl.tui;

import io.hactl.tui.view.Dialog;
import java.util.ArrayList;
import java.util.List;

/**
 * An open dialog and what Enter does with it: returns the next prompt (a confirmation after a
 * question, or the same question with the reason its answer was refused), or null to close.
 */
record Prompt(Dialog dialog, Submit submit) {

  static final String CONFIRM_HINT = "y/enter: yes   n/esc: no";
  static final String INPUT_HINT = "enter: next   esc: cancel";
  static final String HELP_HINT = "any key: close";

  interface Submit {
    Prompt apply(String input);
  }

  /** A yes/no question; {@code yes} runs on Enter or y. */
  static Prompt confirm(String title, List<String> body, Runnable yes) {
    return new Prompt(new Dialog(title, body, null, CONFIRM_HINT), input -> {
      yes.run();
      return null;
    });
  }

  /** A question with an input field, prefilled with {@code initial}. */
  static Prompt ask(String title, List<String> body, String initial, Submit submit) {
    return new Prompt(new Dialog(title, body, initial, INPUT_HINT), submit);
  }

  /** This prompt again, saying why its answer was refused. */
  Prompt refused(String why) {
    List<String> body = new ArrayList<>(dialog.body());
    body.removeIf(line -> line.startsWith("! "));
    body.add("! " + why);
    return new Prompt(new Dialog(dialog.title(), body, dialog.input(), dialog.hint()), submit);
  }

  Prompt withHint(String hint) {
    return new Prompt(new Dialog(dialog.title(), dialog.body(), dialog.input(), hint), submit);
  }

  boolean takesInput() {
    return dialog.input() != null;
  }

  Prompt withInput(String text) {
    return new Prompt(dialog.withInput(text), submit);
  }
}
