package io.hactl.core.backup.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hactl.core.backup.BackupMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link BackupMetadata} as {@code metadata.json}: kebab-case keys, instants as ISO-8601 text.
 * Reading tolerates unknown keys so that a newer writer's extra fields do not hide its format
 * version: the version check must be the error a user sees.
 */
public final class MetadataJson {

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private MetadataJson() {}

  public static String write(BackupMetadata m) {
    ObjectNode node = JSON.createObjectNode()
        .put("format-version", m.formatVersion())
        .put("hactl-version", m.hactlVersion())
        .put("id", m.id())
        .put("checksum", m.checksum())
        .put("checksum-format", m.checksumFormat())
        .put("size", m.size())
        .put("started", m.started().toString())
        .put("finished", m.finished().toString())
        .put("notes", m.notes())
        .put("machine", m.machine())
        .put("controller-count", m.controllerCount())
        .put("environment-name", m.environmentName())
        .put("environment-uuid", m.environmentUuid())
        .put("provider", m.provider())
        .put("replica-set", m.replicaSet())
        .put("secret-encrypted", m.secretEncrypted());
    m.collections().forEach(node.putArray("collections")::add);
    try {
      return JSON.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write backup metadata", e);
    }
  }

  /**
   * Parses metadata.
   *
   * @throws IllegalArgumentException when it is not valid metadata, with what is wrong
   */
  public static BackupMetadata read(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("metadata.json is not valid JSON", e);
    }
    if (node == null || !node.isObject() || !node.path("format-version").canConvertToInt()) {
      throw new IllegalArgumentException("metadata.json has no format-version");
    }
    try {
      List<String> collections = new ArrayList<>();
      node.path("collections").forEach(c -> collections.add(c.asText()));
      return new BackupMetadata(
          node.get("format-version").asInt(),
          text(node, "hactl-version"),
          required(node, "id"),
          text(node, "checksum"),
          text(node, "checksum-format"),
          node.path("size").asLong(),
          Instant.parse(required(node, "started")),
          Instant.parse(required(node, "finished")),
          text(node, "notes"),
          text(node, "machine"),
          node.path("controller-count").asInt(),
          text(node, "environment-name"),
          required(node, "environment-uuid"),
          text(node, "provider"),
          text(node, "replica-set"),
          node.path("secret-encrypted").asBoolean(),
          collections);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("metadata.json is incomplete: " + e.getMessage(), e);
    }
  }

  private static String required(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("no " + key);
    }
    return value.asText();
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }
}
