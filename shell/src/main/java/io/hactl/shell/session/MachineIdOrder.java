package io.hactl.shell.session;

import java.util.Comparator;

/** Orders machine ids numerically ("2" before "10"), falling back to text for odd ids. */
public enum MachineIdOrder implements Comparator<String> {
  INSTANCE;

  @Override
  public int compare(String a, String b) {
    boolean aNumeric = isNumeric(a);
    boolean bNumeric = isNumeric(b);
    if (aNumeric && bNumeric) {
      int byLength = Integer.compare(a.length(), b.length());
      return byLength != 0 ? byLength : a.compareTo(b);
    }
    if (aNumeric != bNumeric) {
      return aNumeric ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static boolean isNumeric(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }
}
