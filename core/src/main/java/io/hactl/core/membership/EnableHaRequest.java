package io.hactl.core.membership;

import java.util.List;

/**
 * What the user asked of {@code enable-ha}.
 *
 * @param requested {@code -n}: the number of controllers wanted; 0 keeps the current count
 *     (rounded up to odd, at least 3)
 * @param placement {@code --to}: ids of existing non-controller machines to convert, in order
 */
public record EnableHaRequest(int requested, List<String> placement) {

  public EnableHaRequest {
    placement = List.copyOf(placement);
  }

  /** {@code enable-ha} with no flags. */
  public static EnableHaRequest defaults() {
    return new EnableHaRequest(0, List.of());
  }

  /** {@code enable-ha -n n}. */
  public static EnableHaRequest of(int n) {
    return new EnableHaRequest(n, List.of());
  }
}
