package io.hactl.plugins.lxd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away self-signed client certificate for tests, made with the JDK's keytool and written
 * as PEM files ({@code client.crt}, {@code client.key}) the way lxc and openssl write them.
 */
final class TestCertificates {
  private static final String PASSWORD = "test-only";

  private TestCertificates() {}

  /** Writes client.crt and client.key into {@code dir}; returns {@code dir}. */
  static Path write(Path dir) throws Exception {
    Path store = dir.resolve("client.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair",
        "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
        "-alias", "client", "-keyalg", "EC", "-groupname", "secp384r1",
        "-dname", "CN=hactl-lxd-unit-test", "-validity", "2"))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    Certificate cert = keys.getCertificate("client");
    PrivateKey key = (PrivateKey) keys.getKey("client", PASSWORD.toCharArray());
    Files.writeString(dir.resolve("client.crt"), pem("CERTIFICATE", cert.getEncoded()));
    Files.writeString(dir.resolve("client.key"), pem("PRIVATE KEY", key.getEncoded()));
    return dir;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
