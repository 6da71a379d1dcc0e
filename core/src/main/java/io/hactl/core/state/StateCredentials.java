package io.hactl.core.state;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The administrator a real {@code mongod} replica set ({@code controller-db: mongod}) is reached
 * as, over SCRAM-SHA-256 in the {@code admin} database. A mongod started with {@code --keyFile}
 * enforces access control for clients too, so every connection to it authenticates; hactl's
 * embedded member manages no users, so connections to it never do (see {@link StateStores}).
 *
 * <p>The password is derived from the replica set's shared key, which the client store and each
 * agent config already hold in files of mode 0600: nothing new to store, rotate or leak, and
 * every machine of the environment can compute it. {@link #toString()} hides it.
 *
 * @param user the user name, in the {@code admin} database
 * @param password the password (secret: never printed)
 * @param assumedWhenUnknown whether to authenticate when no member answers the probe that tells
 *     a mongod from the embedded member: true where the environment is known to run mongod
 *     (clients, controllers), false where it is only possible (plain machines' agents, whose
 *     config does not say), so that a probe lost to a failover never breaks an embedded set
 */
public record StateCredentials(String user, String password, boolean assumedWhenUnknown) {

  /** The administrator hactl creates in a mongod replica set. */
  public static final String ADMIN_USER = "hactl-admin";

  public StateCredentials {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** The administrator's credentials for the replica set whose shared key is {@code secret}. */
  public static StateCredentials forSecret(String secret, boolean assumedWhenUnknown) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] derived = mac.doFinal(ADMIN_USER.getBytes(StandardCharsets.UTF_8));
      return new StateCredentials(ADMIN_USER,
          Base64.getUrlEncoder().withoutPadding().encodeToString(derived), assumedWhenUnknown);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
    }
  }

  @Override
  public String toString() {
    return "StateCredentials[user=" + user + ", password=<hidden>]";
  }
}
