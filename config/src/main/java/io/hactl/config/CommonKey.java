package io.hactl.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The environment keys hactl itself understands, each with what it accepts and its default; every
 * other key of an environment belongs to the provider. Adding a key is one line here (plus a
 * component of {@link EnvironmentConfig} if core needs to read it).
 */
enum CommonKey {
  TYPE("type", "a provider name such as \"local\"", ScalarReaders::name, type -> null),
  CONTROLLER_DB("controller-db", "one of embedded, mongod", ScalarReaders::controllerDb,
      type -> ControllerDb.EMBEDDED),
  STATE_PORT("state-port", "an integer 0..65535", ScalarReaders::port,
      type -> CommonKey.LOCAL_PROVIDER.equals(type) ? 0 : 37017),
  BIND_ADDRESS("bind-address", "a literal IPv4 or IPv6 address such as 127.0.0.1",
      ScalarReaders::ipLiteral, type -> "127.0.0.1"),
  LOG_RETENTION_MB("log-retention-mb", "a whole number of megabytes, 1 or more",
      ScalarReaders::megabytes, type -> EnvironmentConfig.DEFAULT_LOG_RETENTION_MB),
  AGENT_URL("agent-url", "an http:// or https:// URL of the agent distribution (.tar.gz)",
      ScalarReaders::httpUrl, type -> null),
  AGENT_SHA256("agent-sha256", "the distribution's SHA-256: 64 hexadecimal digits",
      ScalarReaders::sha256, type -> null),
  AGENT_PORT("agent-port", "an integer 0..65535 (0: controllers do not serve the agent)",
      ScalarReaders::port, type -> CommonKey.LOCAL_PROVIDER.equals(type) ? 0
          : AgentDelivery.DEFAULT_PORT),
  BOOTSTRAP_AGENT_ADDRESS("bootstrap-agent-address",
      "IP:PORT of this host, reachable from new machines, e.g. 10.77.10.1:17070",
      ScalarReaders::ipAndPort, type -> null),
  BACKUP_SCHEDULE("backup-schedule",
      "an interval such as 6h, 90m or 1d (at least 1m), or off",
      ScalarReaders::interval, type -> Duration.ZERO),
  BACKUP_KEEP("backup-keep", "a whole number of backups, 1 to 1000",
      ScalarReaders::backupCount, type -> EnvironmentConfig.DEFAULT_BACKUP_KEEP);

  /** The provider whose machines share this host, so it picks free ports itself. */
  static final String LOCAL_PROVIDER = "local";

  private final String key;
  private final String expected;
  private final Function<YamlNode.Scalar, Object> reader;
  private final Function<String, Object> defaultForType;

  CommonKey(String key, String expected, Function<YamlNode.Scalar, Object> reader,
      Function<String, Object> defaultForType) {
    this.key = key;
    this.expected = expected;
    this.reader = reader;
    this.defaultForType = defaultForType;
  }

  /** The key as written in environments.yaml. */
  String key() {
    return key;
  }

  /** What the key accepts, phrased to follow "expected". */
  String expected() {
    return expected;
  }

  /** The value a scalar stands for, or null when this key cannot accept it. */
  Object read(YamlNode.Scalar value) {
    return value.isEmpty() ? null : reader.apply(value);
  }

  /**
   * The value used when the key is absent, for an environment of {@code type}; null when the key
   * is required or simply optional (see {@link #required()}).
   */
  Object defaultFor(String type) {
    return defaultForType.apply(type);
  }

  /** Only the type must be written; every other key has a default or may be absent. */
  boolean required() {
    return this == TYPE;
  }

  static Optional<CommonKey> byKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }
}
