package io.hactl.core.backup.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hactl.core.backup.BackupIdentity;

/**
 * {@code identity/environment.json}: the environment's uuid, name, provider and replica set.
 * The key is kept apart, in its own entry, so that it can be sealed on its own.
 */
final class IdentityJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private IdentityJson() {}

  static String write(BackupIdentity identity) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.createObjectNode()
          .put("uuid", identity.uuid())
          .put("name", identity.name())
          .put("provider", identity.provider())
          .put("replica-set", identity.replicaSet())) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the environment's identity", e);
    }
  }

  static BackupIdentity read(String text, String secret) throws JsonProcessingException {
    JsonNode node = JSON.readTree(text);
    return new BackupIdentity(node.path("uuid").asText(), node.path("name").asText(),
        node.path("provider").asText(), node.path("replica-set").asText(), secret);
  }
}
