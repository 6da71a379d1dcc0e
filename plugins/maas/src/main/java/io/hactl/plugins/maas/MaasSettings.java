package io.hactl.plugins.maas;

import io.hactl.plugin.api.ProviderException;
import io.hactl.plugin.api.ProviderSetting;
import io.hactl.plugin.api.SettingProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The maas provider's settings, in environments.yaml under the environment:
 *
 * <pre>
 * endpoint: http://maas.example.com:5240/MAAS   # the MAAS URL; /api/2.0/ is added
 * api-key: consumer_key:token_key:token_secret  # a secret: never printed; or env:VARIABLE
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
  /** An {@code api-key} of {@code env:NAME} names a variable of hactl's environment. */
  static final String ENV_PREFIX = "env:";
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The settings, as {@code hactl providers} lists them. */
  static final List<ProviderSetting> DECLARED = List.of(
      new ProviderSetting(ENDPOINT, "the MAAS URL, e.g. http://maas.example.com:5240/MAAS "
          + "(use https beyond a trusted network: the API key is sent with every request)",
          true, false),
      new ProviderSetting(API_KEY, "the MAAS API key consumer_key:token_key:token_secret, as "
          + "printed by `maas apikey --username NAME`, or env:VARIABLE to read it from hactl's"
          + " environment", true, true),
      new ProviderSetting(DISTRO_SERIES, "the OS release to deploy, e.g. jammy; MAAS's default "
          + "when not set", false, false));

  private static final Pattern SERIES = Pattern.compile("[a-z0-9][a-z0-9.+-]{0,62}");
  private static final String API_PATH = "api/2.0/";

  /**
   * Problems with the values of the settings that are present; unknown and missing keys are
   * the SPI's default check of {@link #DECLARED}.
   */
  static List<SettingProblem> valueProblems(Map<String, String> settings) {
    List<SettingProblem> problems = new ArrayList<>();
    String key = settings.get(API_KEY);
    if (key != null && key.trim().startsWith(ENV_PREFIX)) {
      if (!VARIABLE.matcher(key.trim().substring(ENV_PREFIX.length())).matches()) {
        problems.add(new SettingProblem(API_KEY, "env: must name an environment variable,"
            + " e.g. env:MAAS_API_KEY"));
      }
    } else if (key != null && !key.isBlank() && ApiKey.parse(key).isEmpty()) {
      // Never echo the value: a malformed key may still be most of a real one.
      problems.add(new SettingProblem(API_KEY, ApiKey.FORMAT_HINT));
    }
    String series = settings.get(DISTRO_SERIES);
    if (series != null && !SERIES.matcher(series.trim()).matches()) {
      problems.add(new SettingProblem(DISTRO_SERIES,
          "must be a MAAS release name such as jammy or noble; got \"" + series + "\""));
    }
    String endpoint = settings.get(ENDPOINT);
    if (endpoint != null && !endpoint.isBlank()) {
      endpointProblem(endpoint).ifPresent(message ->
          problems.add(new SettingProblem(ENDPOINT, message)));
    }
    return problems;
  }

  /**
   * The settings as a record.
   *
   * @param problems what the provider's {@code validateSettings} found in them
   * @throws ProviderException naming every problem, when there are any
   */
  static MaasSettings from(Map<String, String> settings, List<SettingProblem> problems)
      throws ProviderException {
    return from(settings, problems, Map.of(), System::getenv);
  }

  /**
   * The settings as a record, with the API key from {@code credentials} (what hactl hands a
   * controller, see {@link #resolveApiKey}) when it holds one, else from the setting.
   *
   * @param environment hactl's environment, for {@code api-key: env:NAME}
   */
  static MaasSettings from(Map<String, String> settings, List<SettingProblem> problems,
      Map<String, String> credentials, Function<String, String> environment)
      throws ProviderException {
    if (!problems.isEmpty()) {
      throw new ProviderException("invalid maas settings: " + String.join("; ",
          problems.stream().map(p -> p.key() + " " + p.message()).toList()));
    }
    URI endpoint = URI.create(settings.get(ENDPOINT).trim());
    String series = settings.get(DISTRO_SERIES);
    String given = credentials.get(API_KEY);
    ApiKey key = given != null
        ? ApiKey.parse(given).orElseThrow(() -> new ProviderException("the MAAS API key hactl"
            + " stored for the controllers " + ApiKey.FORMAT_HINT
            + "; run `hactl update-credentials`"))
        : ApiKey.parse(resolveApiKey(settings, environment)).orElseThrow(() ->
            new ProviderException("the MAAS API key in " + settings.get(API_KEY).trim() + " "
                + ApiKey.FORMAT_HINT));
    return new MaasSettings(endpoint, apiBase(endpoint), key,
        series == null ? null : series.trim());
  }

  /**
   * The API key text the {@code api-key} setting gives where this process runs: the setting
   * itself, or the variable {@code env:NAME} names. Never put in a message.
   */
  static String resolveApiKey(Map<String, String> settings, Function<String, String> environment)
      throws ProviderException {
    String setting = settings.get(API_KEY).trim();
    if (!setting.startsWith(ENV_PREFIX)) {
      return setting;
    }
    String variable = setting.substring(ENV_PREFIX.length());
    String value = environment.apply(variable);
    if (value == null || value.isBlank()) {
      throw new ProviderException("no MAAS API key: api-key: " + setting + " needs " + variable
          + " set in hactl's environment");
    }
    return value.trim();
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
