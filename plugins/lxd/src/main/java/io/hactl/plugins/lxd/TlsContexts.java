package io.hactl.plugins.lxd;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * Builds the TLS context for the HTTPS transport: the client's certificate and key (PEM files as
 * {@code lxc} writes them, or a PKCS12 file), and the daemon's certificate pinned exactly.
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

  private TlsContexts() {}

  /**
   * The TLS context for the settings' endpoint.
   *
   * @throws IOException naming the file that could not be read or understood
   */
  static SSLContext create(LxdSettings settings) throws IOException {
    KeyStore keys = settings.clientPkcs12().isPresent()
        ? pkcs12(settings.clientPkcs12().get(), password(settings))
        : pem(settings.clientCert().orElseThrow(), settings.clientKey().orElseThrow());
    X509Certificate server = certificate(settings.serverCert().orElseThrow());
    try {
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, settings.clientPkcs12().isPresent()
          ? password(settings) : NO_PASSWORD);
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

  private static KeyStore pkcs12(Path file, char[] password) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      return store;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the PKCS12 file " + file + " (wrong password in "
          + "client-pkcs12-password-env?): " + e.getMessage(), e);
    }
  }

  private static KeyStore pem(Path certFile, Path keyFile) throws IOException {
    X509Certificate cert = certificate(certFile);
    PrivateKey key = privateKey(keyFile);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("client", key, NO_PASSWORD, new Certificate[] {cert});
      return store;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot pair " + certFile + " with " + keyFile + ": "
          + e.getMessage(), e);
    }
  }

  static X509Certificate certificate(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read a PEM certificate from " + file + ": "
          + e.getMessage(), e);
    }
  }

  /** PKCS8 ("PRIVATE KEY"), SEC1 ("EC PRIVATE KEY", what lxc writes) or PKCS1 RSA keys. */
  static PrivateKey privateKey(Path file) throws IOException {
    Matcher pem = PEM.matcher(Files.readString(file, StandardCharsets.US_ASCII));
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
