package io.hactl.plugins.maas;

import io.hactl.plugin.api.ProviderException;
import io.hactl.plugin.api.SettingProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The maas provider's settings, in environments.yaml under the environment:
 *
 * <pre>
 * endpoint: http://maas.example.com:5240/MAAS   # the MAAS URL; /api/2.0/ is added
 * api-key: consumer_key:token_key:token_secret  # a secret: never printed
 * distro-series: jammy                          # optional; MAAS's default when absent
 * </pre>
 *
 * @param endpoint the MAAS URL as configured (no credentials, query or fragment)
 * @param apiBase the API root, {@code <endpoint>/api/2.0/}
 * @param apiKey the API key
 * @param distroSeries the OS release to deploy, or {@code null} for MAAS's default
 */
record MaasSettings(URI endpoint, URI apiBase, ApiKey apiKey, String distroSeries) {
  static final String ENDPOINT = "endpoint";
  static final String API_KEY = "api-key";
  static final String DISTRO_SERIES = "distro-series";

  private static final Set<String> KEYS = Set.of(ENDPOINT, API_KEY, DISTRO_SERIES);
  private static final Pattern SERIES = Pattern.compile("[a-z0-9][a-z0-9.+-]{0,62}");
  private static final String API_PATH = "api/2.0/";

  /** Every problem with the given settings, sorted by key; empty when they are usable. */
  static List<SettingProblem> validate(Map<String, String> settings) {
    List<SettingProblem> problems = new ArrayList<>();
    settings.keySet().stream().sorted().filter(key -> !KEYS.contains(key)).forEach(key ->
        problems.add(new SettingProblem(key, "unknown setting for provider maas; settings are "
            + API_KEY + ", " + DISTRO_SERIES + " (optional), " + ENDPOINT)));
    String key = settings.get(API_KEY);
    if (key == null) {
      problems.add(new SettingProblem(API_KEY, "missing; " + ApiKey.FORMAT_HINT));
    } else if (ApiKey.parse(key).isEmpty()) {
      // Never echo the value: a malformed key may still be most of a real one.
      problems.add(new SettingProblem(API_KEY, ApiKey.FORMAT_HINT));
    }
    String series = settings.get(DISTRO_SERIES);
    if (series != null && !SERIES.matcher(series.trim()).matches()) {
      problems.add(new SettingProblem(DISTRO_SERIES,
          "must be a MAAS release name such as jammy or noble; got \"" + series + "\""));
    }
    String endpoint = settings.get(ENDPOINT);
    if (endpoint == null) {
      problems.add(new SettingProblem(ENDPOINT,
          "missing; the MAAS URL, such as http://maas.example.com:5240/MAAS"));
    } else {
      endpointProblem(endpoint).ifPresent(message ->
          problems.add(new SettingProblem(ENDPOINT, message)));
    }
    problems.sort((a, b) -> a.key().compareTo(b.key()));
    return problems;
  }

  /**
   * The settings as a record.
   *
   * @throws ProviderException naming every problem, when {@link #validate} finds any
   */
  static MaasSettings from(Map<String, String> settings) throws ProviderException {
    List<SettingProblem> problems = validate(settings);
    if (!problems.isEmpty()) {
      throw new ProviderException("invalid maas settings: " + String.join("; ",
          problems.stream().map(p -> p.key() + " " + p.message()).toList()));
    }
    URI endpoint = URI.create(settings.get(ENDPOINT).trim());
    String series = settings.get(DISTRO_SERIES);
    return new MaasSettings(endpoint, apiBase(endpoint), ApiKey.parse(settings.get(API_KEY))
        .orElseThrow(), series == null ? null : series.trim());
  }

  private static Optional<String> endpointProblem(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      return Optional.of("must be a URL such as http://maas.example.com:5240/MAAS; "
          + e.getReason() + " in \"" + text + "\"");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      return Optional.of("must be an http or https URL such as "
          + "http://maas.example.com:5240/MAAS; got \"" + text + "\"");
    }
    if (uri.getRawUserInfo() != null) {
      // Not echoed: the user part may hold a password.
      return Optional.of("must not hold credentials; put the API key in " + API_KEY);
    }
    if (uri.getHost() == null) {
      return Optional.of("names no host: \"" + text + "\"");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return Optional.of("must have no query or fragment: \"" + text + "\"");
    }
    return Optional.empty();
  }

  /** {@code http://h:5240/MAAS} and {@code http://h:5240/MAAS/api/2.0} both give the API root. */
  private static URI apiBase(URI endpoint) {
    String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    if (!path.endsWith("/" + API_PATH)) {
      path = path + API_PATH;
    }
    return endpoint.resolve(path);
  }

  /** Never prints the API key. */
  @Override
  public String toString() {
    return "MaasSettings[endpoint=" + endpoint + ", apiKey=<hidden>, distroSeries="
        + distroSeries + "]";
  }
}
