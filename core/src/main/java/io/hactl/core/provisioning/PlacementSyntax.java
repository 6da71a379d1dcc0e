package io.hactl.core.provisioning;

import io.hactl.core.HactlException;
import io.hactl.plugin.api.Placement;
import java.util.regex.Pattern;

/**
 * Placement directives for new machines, parsed once for every command: {@code zone=NAME} (an
 * availability zone on AWS, a zone on MAAS). The result is stored with the machine and handed to
 * the provider as a {@link Placement}; a provider without zones refuses it when the machine is
 * provisioned. Container placements ({@code lxd:3}) and machine names are refused here.
 *
 * <pre>{@code
 * Placement p = PlacementSyntax.parse("zone=us-east-1a");
 * }</pre>
 */
public final class PlacementSyntax {

  /** An example for help texts and error messages. */
  public static final String EXAMPLE = "zone=us-east-1a";

  /** Zone names of AWS, MAAS and GCE: letters, digits, '-', '_' and '.'. */
  private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  private PlacementSyntax() {}

  /**
   * The placement {@code directive} asks for.
   *
   * @throws HactlException BAD_INPUT (exit code 2) saying what is accepted
   */
  public static Placement parse(String directive) throws HactlException {
    String text = directive.strip();
    if (!text.startsWith("zone=")) {
      throw HactlException.badInput("invalid placement \"" + text + "\": new machines can only"
          + " be placed in a zone, e.g. --to " + EXAMPLE);
    }
    String zone = text.substring("zone=".length());
    if (!ZONE.matcher(zone).matches()) {
      throw HactlException.badInput("invalid placement \"" + text + "\": a zone name is 1-63"
          + " letters, digits, '.', '_' or '-', e.g. --to " + EXAMPLE);
    }
    return new Placement(zone);
  }

  /** Whether {@code token} of a {@code --to} list names an existing machine rather than a zone. */
  public static boolean isMachineId(String token) {
    return token.strip().matches("\\d+");
  }
}
