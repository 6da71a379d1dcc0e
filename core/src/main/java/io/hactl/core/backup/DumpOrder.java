package io.hactl.core.backup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which a backup reads collections. Collections are read one after another, not
 * at a single instant, so the order is chosen to keep the one invariant that spans them:
 * {@code machines} is read before {@code counters}, and the machine counter only grows, so
 * every machine in a backup has an id below the counter it restores (a machine added in between
 * is simply absent, its id never reused).
 */
public final class DumpOrder {

  private static final List<String> FIRST = List.of("environment", "machines", "counters");

  private DumpOrder() {}

  /** {@code environment}, {@code machines}, {@code counters}, then the rest by name. */
  public static List<String> sort(List<String> collections) {
    List<String> sorted = new ArrayList<>(collections);
    sorted.sort(Comparator.<String>comparingInt(c -> {
      int i = FIRST.indexOf(c);
      return i < 0 ? FIRST.size() : i;
    }).thenComparing(Comparator.naturalOrder()));
    return sorted;
  }
}
