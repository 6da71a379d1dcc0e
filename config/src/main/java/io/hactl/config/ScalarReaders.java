package io.hactl.config;

import com.fasterxml.jackson.core.JsonToken;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns scalars into the values of {@link CommonKey}s. Each returns null when the scalar is not
 * acceptable; the caller words the problem from the key's description.
 */
final class ScalarReaders {

  /** Environment and provider names: safe as directory names and in messages. */
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern INTERVAL = Pattern.compile("([0-9]{1,6})([mhd])");
  private static final BigInteger MAX_PORT = BigInteger.valueOf(65535);

  private ScalarReaders() {}

  static Object name(YamlNode.Scalar value) {
    return value.token() == JsonToken.VALUE_STRING && NAME.matcher(value.text()).matches()
        ? value.text() : null;
  }

  static Object controllerDb(YamlNode.Scalar value) {
    for (ControllerDb db : ControllerDb.values()) {
      if (db.name().toLowerCase(Locale.ROOT).equals(value.text())) {
        return db;
      }
    }
    return null;
  }

  /** Integers as YAML types them; a quoted decimal such as "37017" is accepted too. */
  static Object port(YamlNode.Scalar value) {
    BigInteger port = value.integer();
    if (port == null && value.token() == JsonToken.VALUE_STRING
        && value.text().matches("\\d{1,6}")) {
      port = new BigInteger(value.text());
    }
    if (port == null || port.signum() < 0 || port.compareTo(MAX_PORT) > 0) {
      return null;
    }
    return port.intValue();
  }

  /**
   * How often, as {@code <n>m}, {@code <n>h} or {@code <n>d} (at least a minute, at most a
   * year), or {@code off} for never ({@link Duration#ZERO}).
   */
  static Object interval(YamlNode.Scalar value) {
    String text = value.text().strip().toLowerCase(Locale.ROOT);
    // "off" is a YAML 1.1 boolean: a reader may hand it over as false.
    if (text.equals("off") || text.equals("false")) {
      return Duration.ZERO;
    }
    Matcher m = INTERVAL.matcher(text);
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
    return d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(Duration.ofDays(366)) > 0
        ? null : d;
  }

  /** How many backups to keep: 1 to 1000. */
  static Object backupCount(YamlNode.Scalar value) {
    BigInteger n = value.integer();
    if (n == null || n.signum() <= 0 || n.compareTo(BigInteger.valueOf(1000)) > 0) {
      return null;
    }
    return n.intValue();
  }

  /** A size in megabytes: a positive integer, at most a million (a terabyte). */
  static Object megabytes(YamlNode.Scalar value) {
    BigInteger mb = value.integer();
    if (mb == null || mb.signum() <= 0 || mb.compareTo(BigInteger.valueOf(1_000_000)) > 0) {
      return null;
    }
    return mb.intValue();
  }

  /**
   * Literal addresses only. The text is checked before {@link InetAddress} sees it: given
   * anything containing a colon and only hex digits, colons and dots, it parses an IPv6 literal
   * and never asks a resolver, which a host name would make it do.
   */
  static Object ipLiteral(YamlNode.Scalar value) {
    return ipLiteral(value.text());
  }

  private static String ipLiteral(String text) {
    if (IPV4.matcher(text).matches()) {
      return text;
    }
    if (!IPV6_CHARACTERS.matcher(text).matches()) {
      return null;
    }
    try {
      InetAddress.getByName(text);
      return text;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /**
   * An absolute http or https URL with a host. The host is not resolved: only the machines that
   * fetch from it need to reach it.
   */
  static Object httpUrl(YamlNode.Scalar value) {
    try {
      URI uri = new URI(value.text());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = scheme.equals("http") || scheme.equals("https");
      return web && uri.getHost() != null && uri.getRawUserInfo() == null ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** 64 hexadecimal digits, kept in lower case so comparisons with sha256sum's output work. */
  static Object sha256(YamlNode.Scalar value) {
    return SHA256.matcher(value.text()).matches() ? value.text().toLowerCase(Locale.ROOT) : null;
  }

  /** {@code IP:PORT} with a literal IPv4 address or a bracketed IPv6 one, port 1..65535. */
  static Object ipAndPort(YamlNode.Scalar value) {
    String text = value.text();
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || !text.substring(colon + 1).matches("\\d{1,5}")) {
      return null;
    }
    int port = Integer.parseInt(text.substring(colon + 1));
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      return null;
    }
    return ipLiteral(host) != null && port >= 1 && port <= 65535 ? text : null;
  }
}
