package io.hactl.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import io.hactl.tui.view.Style;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How each {@link Style} looks on a terminal. The colour palette uses the 8 ANSI colours every
 * terminal (and every SSH client) has; the monochrome one uses only bold and reverse video, for
 * NO_COLOR (https://no-color.org) and terminals without colour.
 */
public final class Palette {

  /** The look of one style. */
  public record Look(TextColor foreground, TextColor background, Set<SGR> modifiers) {
    public Look {
      modifiers = modifiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modifiers));
    }
  }

  private final Map<Style, Look> looks;

  private Palette(Map<Style, Look> looks) {
    this.looks = Map.copyOf(looks);
  }

  /** Monochrome when {@code NO_COLOR} is set to anything non-empty, colour otherwise. */
  public static Palette forEnvironment(Map<String, String> environment) {
    String noColor = environment.get("NO_COLOR");
    return noColor != null && !noColor.isEmpty() ? monochrome() : colour();
  }

  public static Palette colour() {
    Map<Style, Look> looks = new EnumMap<>(Style.class);
    looks.put(Style.NORMAL, plain(TextColor.ANSI.DEFAULT));
    looks.put(Style.TITLE, new Look(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT,
        Set.of(SGR.BOLD)));
    looks.put(Style.HEADING, new Look(TextColor.ANSI.CYAN, TextColor.ANSI.DEFAULT,
        Set.of(SGR.BOLD)));
    looks.put(Style.PRIMARY, new Look(TextColor.ANSI.GREEN, TextColor.ANSI.DEFAULT,
        Set.of(SGR.BOLD)));
    looks.put(Style.GOOD, plain(TextColor.ANSI.GREEN));
    looks.put(Style.DOWN, new Look(TextColor.ANSI.RED, TextColor.ANSI.DEFAULT,
        Set.of(SGR.BOLD)));
    looks.put(Style.WARNING, plain(TextColor.ANSI.YELLOW));
    looks.put(Style.DIM, plain(TextColor.ANSI.BLUE_BRIGHT));
    looks.put(Style.KEY, new Look(TextColor.ANSI.BLACK, TextColor.ANSI.CYAN, Set.of()));
    return new Palette(looks);
  }

  public static Palette monochrome() {
    Map<Style, Look> looks = new EnumMap<>(Style.class);
    TextColor none = TextColor.ANSI.DEFAULT;
    for (Style style : Style.values()) {
      looks.put(style, plain(none));
    }
    looks.put(Style.TITLE, new Look(none, none, Set.of(SGR.BOLD)));
    looks.put(Style.HEADING, new Look(none, none, Set.of(SGR.BOLD)));
    looks.put(Style.PRIMARY, new Look(none, none, Set.of(SGR.BOLD)));
    looks.put(Style.DOWN, new Look(none, none, Set.of(SGR.REVERSE)));
    looks.put(Style.WARNING, new Look(none, none, Set.of(SGR.UNDERLINE)));
    looks.put(Style.KEY, new Look(none, none, Set.of(SGR.REVERSE)));
    return new Palette(looks);
  }

  public Look look(Style style) {
    return looks.get(style);
  }

  private static Look plain(TextColor foreground) {
    return new Look(foreground, TextColor.ANSI.DEFAULT, Set.of());
  }
}
