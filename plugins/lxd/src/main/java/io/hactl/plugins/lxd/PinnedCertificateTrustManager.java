package io.hactl.plugins.lxd;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate, as {@code lxc remote add} does: LXD daemons present
 * self-signed certificates whose names rarely match the address used, so the certificate itself
 * (not a CA and a host name) is what is checked.
 */
final class PinnedCertificateTrustManager extends X509ExtendedTrustManager {
  private final X509Certificate pinned;

  PinnedCertificateTrustManager(X509Certificate pinned) {
    this.pinned = pinned;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (chain == null || chain.length == 0 || !chain[0].equals(pinned)) {
      throw new CertificateException("the LXD daemon's certificate is not the one in "
          + "server-cert (subject " + (chain == null || chain.length == 0 ? "none"
          : chain[0].getSubjectX500Principal()) + ")");
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("this trust manager checks servers only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
