package io.hactl.core.membership;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Numeric order of machine ids ("2" before "10"); ids that are not plain numbers sort after the
 * numbers, alphabetically. Every list a planner returns is sorted with it so plans are stable.
 */
final class MachineIdOrder {

  static final Comparator<String> ORDER = MachineIdOrder::compare;

  private MachineIdOrder() {}

  static int compare(String a, String b) {
    boolean aNumeric = isNumeric(a);
    boolean bNumeric = isNumeric(b);
    if (aNumeric != bNumeric) {
      return aNumeric ? -1 : 1;
    }
    if (aNumeric) {
      // Decimal ids without leading zeros: a shorter one is smaller, equal lengths compare as text.
      String x = stripZeros(a);
      String y = stripZeros(b);
      int byLength = Integer.compare(x.length(), y.length());
      return byLength != 0 ? byLength : x.compareTo(y);
    }
    return a.compareTo(b);
  }

  static List<String> sorted(Collection<String> ids) {
    return ids.stream().sorted(ORDER).toList();
  }

  private static boolean isNumeric(String id) {
    return !id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static String stripZeros(String id) {
    int i = 0;
    while (i < id.length() - 1 && id.charAt(i) == '0') {
      i++;
    }
    return id.substring(i);
  }
}
