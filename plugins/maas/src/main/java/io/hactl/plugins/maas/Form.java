package io.hactl.plugins.maas;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Parameters of one MAAS call, in order, names possibly repeated (MAAS takes several tags as
 * {@code tags=a&tags=b}). Encoded as {@code application/x-www-form-urlencoded} for a POST body
 * or a GET query string.
 *
 * <p>MAAS's API documentation describes POST parameters as multipart/form-data parts; its Django
 * handlers read URL-encoded bodies the same way, and MAAS's Go client (juju/gomaasapi) sends every
 * call without files URL-encoded. Text parameters need nothing more.
 */
final class Form {
  private record Pair(String name, String value) {}

  private final List<Pair> pairs = new ArrayList<>();

  /** Adds one parameter; returns this form. */
  Form add(String name, String value) {
    pairs.add(new Pair(name, value));
    return this;
  }

  boolean isEmpty() {
    return pairs.isEmpty();
  }

  /** {@code name=value&...}, each part form-encoded (space as {@code +}). */
  String encoded() {
    return pairs.stream()
        .map(pair -> encode(pair.name()) + "=" + encode(pair.value()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
