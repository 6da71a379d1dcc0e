package io.hactl.core.backup;

import java.util.Objects;

/**
 * Who the environment is: what a new controller needs to come back as the same environment.
 *
 * @param uuid the environment's uuid
 * @param name its name
 * @param provider its provider type
 * @param replicaSet its replica set's name
 * @param secret the replica set's shared key (secret: never printed)
 */
public record BackupIdentity(String uuid, String name, String provider, String replicaSet,
    String secret) {

  public BackupIdentity {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(replicaSet, "replicaSet");
    Objects.requireNonNull(secret, "secret");
  }

  @Override
  public String toString() {
    return "BackupIdentity[uuid=" + uuid + ", name=" + name + ", provider=" + provider
        + ", replicaSet=" + replicaSet + ", secret=<hidden>]";
  }
}
