package io.hactl.plugins.lxd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * Builds the TLS context for the HTTPS transport: the client's certificate and key (PEM files as
 * {@code lxc} writes them, or a PKCS12 file), and the daemon's certificate pinned exactly.
 *
 * <p>Where the files are not (a controller provisioning as master), the same material comes
 * from hactl ({@code ProviderContext.credentials()}): {@link #material} reads it from the files
 * on the client, under the names {@link #CLIENT_CERT}, {@link #CLIENT_KEY}, {@link
 * #CLIENT_PKCS12} (base64), {@link #PKCS12_PASSWORD} and {@link #SERVER_CERT}.
 */
final class TlsContexts {
  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
  private static final char[] NO_PASSWORD = new char[0];
  /** 1.2.840.10045.2.1 (id-ecPublicKey) and 1.2.840.113549.1.1.1 (rsaEncryption), DER. */
  private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d,
      0x02, 0x01};
  private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48,
      (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

  static final String CLIENT_CERT = "client-cert";
  static final String CLIENT_KEY = "client-key";
  static final String CLIENT_PKCS12 = "client-pkcs12";
  static final String PKCS12_PASSWORD = "client-pkcs12-password";
  static final String SERVER_CERT = "server-cert";

  /** Where hactl's copy of the material came from, for messages. */
  private static final String STORED = "the copy hactl stored for the controllers";

  private TlsContexts() {}

  /**
   * The TLS context for the settings' endpoint, from the settings' files.
   *
   * @throws IOException naming the file that could not be read or understood
   */
  static SSLContext create(LxdSettings settings) throws IOException {
    return create(settings, Map.of());
  }

  /**
   * The TLS context for the settings' endpoint: from {@code given} (what hactl handed a
   * controller) when it holds any material, else from the settings' files.
   *
   * @throws IOException naming the file (or stored item) that could not be read or understood
   */
  static SSLContext create(LxdSettings settings, Map<String, String> given) throws IOException {
    if (given.isEmpty()) {
      return build(material(settings), settings);
    }
    return build(given, null);
  }

  /**
   * The settings' certificate files as named material (PEM text; PKCS12 as base64, with the
   * password its variable holds): what a controller needs to reach the daemon.
   */
  static Map<String, String> material(LxdSettings settings) throws IOException {
    Map<String, String> material = new LinkedHashMap<>();
    if (settings.clientPkcs12().isPresent()) {
      material.put(CLIENT_PKCS12, Base64.getEncoder().encodeToString(
          Files.readAllBytes(settings.clientPkcs12().get())));
      material.put(PKCS12_PASSWORD, new String(password(settings)));
    } else {
      material.put(CLIENT_CERT, Files.readString(settings.clientCert().orElseThrow(),
          StandardCharsets.US_ASCII));
      material.put(CLIENT_KEY, Files.readString(settings.clientKey().orElseThrow(),
          StandardCharsets.US_ASCII));
    }
    material.put(SERVER_CERT, Files.readString(settings.serverCert().orElseThrow(),
        StandardCharsets.US_ASCII));
    return material;
  }

  /** @param settings for messages naming the files; null when the material was stored */
  private static SSLContext build(Map<String, String> material, LxdSettings settings)
      throws IOException {
    boolean pkcs12 = material.containsKey(CLIENT_PKCS12);
    char[] password = material.getOrDefault(PKCS12_PASSWORD, "").toCharArray();
    KeyStore keys;
    if (pkcs12) {
      keys = pkcs12(decode(material, CLIENT_PKCS12),
          settings == null ? STORED : settings.clientPkcs12().orElseThrow().toString(),
          password);
    } else {
      keys = pem(certificate(required(material, CLIENT_CERT),
              source(settings, settings == null ? null : settings.clientCert())),
          privateKey(required(material, CLIENT_KEY),
              source(settings, settings == null ? null : settings.clientKey())));
    }
    X509Certificate server = certificate(required(material, SERVER_CERT),
        source(settings, settings == null ? null : settings.serverCert()));
    try {
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, pkcs12 ? password : NO_PASSWORD);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keyManagers.getKeyManagers(),
          new TrustManager[] {new PinnedCertificateTrustManager(server)}, null);
      return tls;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS with the client certificate: " + e.getMessage(), e);
    }
  }

  private static char[] password(LxdSettings settings) {
    return settings.pkcs12PasswordEnv().map(System::getenv).map(String::toCharArray)
        .orElse(NO_PASSWORD);
  }

  private static String source(LxdSettings settings, Optional<Path> file) {
    return settings == null ? STORED : file.map(Path::toString).orElse("?");
  }

  private static String required(Map<String, String> material, String name)
      throws IOException {
    String value = material.get(name);
    if (value == null || value.isBlank()) {
      // Names only: the map holds secrets.
      throw new IOException("the LXD credentials hactl stored for the controllers lack " + name
          + " (they hold " + new TreeSet<>(material.keySet()) + "); run `hactl"
          + " update-credentials`");
    }
    return value;
  }

  private static byte[] decode(Map<String, String> material, String name) throws IOException {
    try {
      return Base64.getDecoder().decode(required(material, name).strip());
    } catch (IllegalArgumentException e) {
      throw new IOException("the " + name + " hactl stored for the controllers is not base64;"
          + " run `hactl update-credentials`", null);
    }
  }

  private static KeyStore pkcs12(byte[] content, String source, char[] password)
      throws IOException {
    try (InputStream in = new ByteArrayInputStream(content)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      return store;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the PKCS12 file " + source + " (wrong password in "
          + "client-pkcs12-password-env?): " + e.getMessage(), e);
    }
  }

  private static KeyStore pem(X509Certificate cert, PrivateKey key) throws IOException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("client", key, NO_PASSWORD, new Certificate[] {cert});
      return store;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot pair the client certificate with its key: "
          + e.getMessage(), e);
    }
  }

  static X509Certificate certificate(Path file) throws IOException {
    return certificate(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
  }

  private static X509Certificate certificate(String pem, String source) throws IOException {
    try (InputStream in = new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read a PEM certificate from " + source + ": "
          + e.getMessage(), e);
    }
  }

  static PrivateKey privateKey(Path file) throws IOException {
    return privateKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
  }

  /** PKCS8 ("PRIVATE KEY"), SEC1 ("EC PRIVATE KEY", what lxc writes) or PKCS1 RSA keys. */
  private static PrivateKey privateKey(String text, String file) throws IOException {
    Matcher pem = PEM.matcher(text);
    if (!pem.find()) {
      throw new IOException("no PEM private key in " + file);
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
    try {
      return switch (pem.group(1)) {
        case "PRIVATE KEY" -> pkcs8(der);
        case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC")
            .generatePrivate(new PKCS8EncodedKeySpec(wrap(ecAlgorithm(der), der)));
        case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(wrap(RSA_ALGORITHM, der)));
        default -> throw new IOException("unsupported PEM block \"" + pem.group(1) + "\" in "
            + file + "; convert it with `openssl pkcs8 -topk8 -nocrypt`");
      };
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException("cannot read the private key in " + file + ": " + e.getMessage(), e);
    }
  }

  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    GeneralSecurityException last = null;
    for (String algorithm : new String[] {"EC", "RSA", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }

  /** AlgorithmIdentifier {id-ecPublicKey, curve}, the curve taken from SEC1's [0] field. */
  private static byte[] ecAlgorithm(byte[] sec1) {
    Der outer = new Der(sec1, 0);
    int pos = outer.contentStart;
    while (pos < outer.end) {
      Der field = new Der(sec1, pos);
      if ((sec1[pos] & 0xff) == 0xa0) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(EC_OID);
        content.write(sec1, field.contentStart, field.end - field.contentStart);
        return tlv(0x30, content.toByteArray());
      }
      pos = field.end;
    }
    throw new IllegalArgumentException("the EC key does not name its curve");
  }

  /** PrivateKeyInfo {version 0, algorithm, OCTET STRING key}. */
  private static byte[] wrap(byte[] algorithm, byte[] key) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.writeBytes(new byte[] {0x02, 0x01, 0x00});
    content.writeBytes(algorithm);
    content.writeBytes(tlv(0x04, key));
    return tlv(0x30, content.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length & 0xff);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  /** One DER element's bounds. */
  private static final class Der {
    final int contentStart;
    final int end;

    Der(byte[] der, int start) {
      int lengthByte = der[start + 1] & 0xff;
      int length;
      int headerLength;
      if (lengthByte < 0x80) {
        length = lengthByte;
        headerLength = 2;
      } else {
        int count = lengthByte & 0x7f;
        length = 0;
        for (int i = 0; i < count; i++) {
          length = (length << 8) | (der[start + 2 + i] & 0xff);
        }
        headerLength = 2 + count;
      }
      contentStart = start + headerLength;
      end = contentStart + length;
      if (end > der.length) {
        throw new IllegalArgumentException("truncated DER");
      }
    }
  }
}
