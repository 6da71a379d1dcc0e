package io.hactl.core.backup;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a backup says about itself: {@code metadata.json} of the archive (see
 * {@code core/BACKUPS.md}) and the listing kept by the controllers.
 *
 * @param formatVersion the archive format; a reader refuses versions newer than it knows
 * @param hactlVersion the hactl that wrote it
 * @param id {@code <yyyymmdd-hhmmss>.<environment-uuid>}, the time being {@code started} in UTC
 * @param checksum lowercase hex SHA-256 over the archive's entries other than metadata.json
 * @param checksumFormat always {@code SHA-256}
 * @param size bytes of the database dump, uncompressed
 * @param started when the dump began
 * @param finished when the archive was complete
 * @param notes the user's notes; empty when none
 * @param machine the controller whose member was primary when the dump was read
 * @param controllerCount how many controllers the environment had
 * @param environmentName the environment's name
 * @param environmentUuid its uuid: a restore brings back this same environment
 * @param provider its provider type
 * @param replicaSet its replica set's name
 * @param secretEncrypted whether the replica-set key inside is sealed with a passphrase
 * @param collections the collections dumped, in the order they were read
 */
public record BackupMetadata(
    int formatVersion,
    String hactlVersion,
    String id,
    String checksum,
    String checksumFormat,
    long size,
    Instant started,
    Instant finished,
    String notes,
    String machine,
    int controllerCount,
    String environmentName,
    String environmentUuid,
    String provider,
    String replicaSet,
    boolean secretEncrypted,
    List<String> collections) {

  public BackupMetadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    notes = notes == null ? "" : notes;
    collections = List.copyOf(collections);
  }
}
