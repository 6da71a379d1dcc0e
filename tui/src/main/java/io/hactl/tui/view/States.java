package io.hactl.tui.view;

import java.util.Locale;

/** The meaning of the state words status reports, for styling. */
final class States {

  private States() {}

  static Style agent(String state) {
    return switch (lower(state)) {
      case "started" -> Style.GOOD;
      case "pending" -> Style.WARNING;
      default -> Style.DOWN;
    };
  }

  static Style instance(String state) {
    return switch (lower(state)) {
      case "running" -> Style.GOOD;
      case "pending" -> Style.WARNING;
      default -> Style.DOWN;
    };
  }

  static Style member(String state) {
    return switch (lower(state)) {
      case "primary" -> Style.PRIMARY;
      case "secondary" -> Style.GOOD;
      case "startup", "startup2", "recovering", "arbiter" -> Style.WARNING;
      default -> Style.DOWN;
    };
  }

  static Style vote(String voteStatus) {
    return switch (lower(voteStatus)) {
      case "has-vote" -> Style.GOOD;
      case "adding-vote", "removing-vote" -> Style.WARNING;
      default -> Style.DIM;
    };
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
