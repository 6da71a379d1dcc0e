package io.hactl.core.provider.internal;

import java.util.ArrayList;
import java.util.List;

/** Turns a plugin's exception into the one-line cause shown to users. */
public final class Failures {
  private Failures() {}

  /**
   * The messages of the exception and its causes, each once, joined by ": ". An exception with no
   * message is named by its class, since "null" would tell the user nothing.
   */
  public static String describe(Throwable failure) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = failure; t != null && parts.size() < 5; t = t.getCause()) {
      String message = t.getMessage();
      String part = message == null || message.isBlank()
          ? t.getClass().getSimpleName()
          : message.strip().replaceAll("\\s*\\R\\s*", " ");
      if (parts.stream().noneMatch(seen -> seen.contains(part))) {
        parts.add(part);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return String.join(": ", parts);
  }

  /**
   * For exceptions a plugin author did not mean to throw (a bug, a missing class), the class name
   * goes first: "IllegalStateException: inventory corrupt".
   */
  public static String describeUnexpected(Throwable failure) {
    String message = failure.getMessage();
    String head = failure.getClass().getSimpleName();
    String rest = failure.getCause() == null ? "" : ": " + describe(failure.getCause());
    return message == null || message.isBlank() ? head + rest : head + ": " + describe(failure);
  }
}
