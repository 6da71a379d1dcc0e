package io.hactl.core.delivery;

import io.hactl.config.AgentDelivery;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a new machine downloads the agent distribution, and the checksum it must have. The
 * machine tries the URLs in order (and again, for a few minutes, while none answers) and runs
 * only a file whose SHA-256 is {@code sha256}: the checksum travels in the user data, which the
 * cloud hands to the machine over its own trusted channel, so a plain-HTTP source is enough.
 *
 * @param urls sources to try, in order; at least one
 * @param sha256 the distribution's SHA-256, lower-case hex
 */
public record AgentSource(List<URI> urls, String sha256) {

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public AgentSource {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("an agent source needs at least one URL");
    }
    for (URI url : urls) {
      String scheme = Objects.requireNonNullElse(url.getScheme(), "").toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("agent source must be http or https: "
            + AgentDelivery.printable(url));
      }
      if (url.toString().contains("'")) {
        // The URL is written into a shell script between single quotes.
        throw new IllegalArgumentException("agent source URL must not contain a quote");
      }
    }
    sha256 = Objects.requireNonNull(sha256, "sha256").toLowerCase(Locale.ROOT);
    if (!HEX64.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 hexadecimal digits");
    }
  }

  /** The URL a controller serving the distribution on {@code host:port} answers at. */
  public static URI controllerUrl(String host, int port) {
    String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return URI.create("http://" + bracketed + ":" + port + "/" + MachinePaths.DOWNLOAD_NAME);
  }

  @Override
  public String toString() {
    return "AgentSource[urls=" + urls.stream().map(AgentDelivery::printable).toList()
        + ", sha256=" + sha256 + "]";
  }
}
