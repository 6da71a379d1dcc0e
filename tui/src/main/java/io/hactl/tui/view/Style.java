package io.hactl.tui.view;

/**
 * What a piece of dashboard text means. The painter maps meanings to colours (or, with NO_COLOR,
 * to bold and reverse video); the text itself always says the same thing, so nothing depends on
 * colour alone.
 */
public enum Style {
  NORMAL,
  TITLE,
  HEADING,
  /** The primary member / the master. */
  PRIMARY,
  /** Healthy: started, SECONDARY, has-vote. */
  GOOD,
  /** Down, stopped, missing, unreachable. */
  DOWN,
  /** Needs attention but not broken: pending, adding-vote, reconnecting. */
  WARNING,
  /** Secondary information: ages, placeholders. */
  DIM,
  /** Key names in the footer. */
  KEY
}
