package io.hactl.plugins.lxd;

import io.hactl.plugin.api.ProviderSetting;
import io.hactl.plugin.api.SettingProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The LXD provider's settings, their defaults and their checks, in one place.
 *
 * <pre>
 * socket                      the daemon's unix socket (default /var/lib/lxd/unix.socket)
 * endpoint                    https://HOST:PORT of a remote daemon instead of the socket
 * client-cert, client-key     PEM client certificate and key the daemon trusts (with endpoint)
 * client-pkcs12               or: one PKCS12 file holding both
 * client-pkcs12-password-env  the environment variable holding its password (default: none)
 * server-cert                 PEM certificate of the daemon, trusted exactly (with endpoint)
 * image                       image alias to create instances from (default hactl-bookworm)
 * profile                     profiles, comma separated (default "default")
 * network                     a managed network for eth0, overriding the profile's
 * </pre>
 *
 * @param socket the unix socket, used when {@code endpoint} is empty
 * @param endpoint the HTTPS endpoint, if any
 * @param clientCert PEM client certificate, if any
 * @param clientKey PEM client key, if any
 * @param clientPkcs12 PKCS12 client key store, if any
 * @param pkcs12PasswordEnv the variable holding the PKCS12 password, if any
 * @param serverCert PEM server certificate, if any
 * @param image the image alias
 * @param profiles the profiles, in order
 * @param network the network for eth0, if any
 */
record LxdSettings(
    Path socket,
    Optional<URI> endpoint,
    Optional<Path> clientCert,
    Optional<Path> clientKey,
    Optional<Path> clientPkcs12,
    Optional<String> pkcs12PasswordEnv,
    Optional<Path> serverCert,
    String image,
    List<String> profiles,
    Optional<String> network) {

  static final String SOCKET = "socket";
  static final String ENDPOINT = "endpoint";
  static final String CLIENT_CERT = "client-cert";
  static final String CLIENT_KEY = "client-key";
  static final String CLIENT_PKCS12 = "client-pkcs12";
  static final String PKCS12_PASSWORD_ENV = "client-pkcs12-password-env";
  static final String SERVER_CERT = "server-cert";
  static final String IMAGE = "image";
  static final String PROFILE = "profile";
  static final String NETWORK = "network";

  static final String DEFAULT_SOCKET = "/var/lib/lxd/unix.socket";
  static final String DEFAULT_IMAGE = "hactl-bookworm";
  static final String DEFAULT_PROFILE = "default";

  /** What {@code hactl providers} shows, in this order. */
  static final List<ProviderSetting> DECLARED = List.of(
      new ProviderSetting(SOCKET, "the LXD daemon's unix socket (default " + DEFAULT_SOCKET
          + ")", false, false),
      new ProviderSetting(ENDPOINT, "https://HOST:PORT of an LXD daemon to use instead of the"
          + " socket", false, false),
      new ProviderSetting(CLIENT_CERT, "PEM client certificate the daemon trusts (with"
          + " endpoint)", false, false),
      new ProviderSetting(CLIENT_KEY, "PEM key of client-cert (PKCS8, EC or RSA), file mode"
          + " 0600", false, true),
      new ProviderSetting(CLIENT_PKCS12, "PKCS12 file holding the client certificate and key,"
          + " instead of client-cert and client-key", false, true),
      new ProviderSetting(PKCS12_PASSWORD_ENV, "environment variable holding the password of"
          + " client-pkcs12 (default: no password)", false, false),
      new ProviderSetting(SERVER_CERT, "PEM certificate of the daemon, trusted exactly (with"
          + " endpoint)", false, false),
      new ProviderSetting(IMAGE, "image alias of new containers (default " + DEFAULT_IMAGE
          + ")", false, false),
      new ProviderSetting(PROFILE, "profiles of new containers, comma separated (default "
          + DEFAULT_PROFILE + ")", false, false),
      new ProviderSetting(NETWORK, "managed network for eth0, overriding the profiles'", false,
          false));

  /** LXD object names: no slashes, spaces or control characters. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  /**
   * The problems with the values and their combinations; unknown keys are reported by the SPI's
   * default check against {@link #DECLARED}.
   */
  static List<SettingProblem> validate(Map<String, String> settings) {
    List<SettingProblem> problems = new ArrayList<>();
    String endpoint = settings.get(ENDPOINT);
    if (endpoint != null) {
      try {
        URI uri = new URI(endpoint.trim());
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
          problems.add(new SettingProblem(ENDPOINT,
              "must be an https URL such as https://127.0.0.1:8443; got \"" + endpoint + "\""));
        }
      } catch (URISyntaxException e) {
        problems.add(new SettingProblem(ENDPOINT, "not a URL: " + e.getMessage()));
      }
      if (settings.containsKey(SOCKET)) {
        problems.add(new SettingProblem(SOCKET, "give either socket or endpoint, not both"));
      }
      boolean pem = settings.containsKey(CLIENT_CERT) || settings.containsKey(CLIENT_KEY);
      boolean pkcs12 = settings.containsKey(CLIENT_PKCS12);
      if (pem && pkcs12) {
        problems.add(new SettingProblem(CLIENT_PKCS12,
            "give either client-cert and client-key or client-pkcs12, not both"));
      } else if (!pkcs12 && !(settings.containsKey(CLIENT_CERT)
          && settings.containsKey(CLIENT_KEY))) {
        problems.add(new SettingProblem(pem ? (settings.containsKey(CLIENT_CERT) ? CLIENT_KEY
            : CLIENT_CERT) : CLIENT_CERT, "an https endpoint needs a trusted client certificate:"
            + " client-cert and client-key (PEM), or client-pkcs12"));
      }
      if (!settings.containsKey(SERVER_CERT)) {
        problems.add(new SettingProblem(SERVER_CERT, "an https endpoint needs the daemon's"
            + " certificate (PEM), e.g. a copy of /var/lib/lxd/server.crt"));
      }
    } else {
      for (String key : List.of(CLIENT_CERT, CLIENT_KEY, CLIENT_PKCS12, SERVER_CERT,
          PKCS12_PASSWORD_ENV)) {
        if (settings.containsKey(key)) {
          problems.add(new SettingProblem(key, "only used with endpoint (https)"));
        }
      }
    }
    for (String key : List.of(CLIENT_CERT, CLIENT_KEY, CLIENT_PKCS12, SERVER_CERT)) {
      String file = settings.get(key);
      if (file != null && !Files.isReadable(Path.of(file.trim()))) {
        problems.add(new SettingProblem(key, "cannot read the file " + file));
      }
    }
    for (String key : List.of(IMAGE, NETWORK)) {
      String value = settings.get(key);
      if (value != null && !NAME.matcher(value.trim()).matches()) {
        problems.add(new SettingProblem(key, "not an LXD name: \"" + value + "\""));
      }
    }
    String profile = settings.get(PROFILE);
    if (profile != null && splitProfiles(profile).stream()
        .anyMatch(name -> !NAME.matcher(name).matches())) {
      problems.add(new SettingProblem(PROFILE,
          "must be LXD profile names separated by commas; got \"" + profile + "\""));
    }
    return problems;
  }

  /** The settings of an environment; they were validated before. */
  static LxdSettings from(Map<String, String> settings) {
    return new LxdSettings(
        Path.of(value(settings, SOCKET).orElse(DEFAULT_SOCKET)),
        value(settings, ENDPOINT).map(URI::create),
        value(settings, CLIENT_CERT).map(Path::of),
        value(settings, CLIENT_KEY).map(Path::of),
        value(settings, CLIENT_PKCS12).map(Path::of),
        value(settings, PKCS12_PASSWORD_ENV),
        value(settings, SERVER_CERT).map(Path::of),
        value(settings, IMAGE).orElse(DEFAULT_IMAGE),
        splitProfiles(value(settings, PROFILE).orElse(DEFAULT_PROFILE)),
        value(settings, NETWORK));
  }

  private static Optional<String> value(Map<String, String> settings, String key) {
    return Optional.ofNullable(settings.get(key)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static List<String> splitProfiles(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
