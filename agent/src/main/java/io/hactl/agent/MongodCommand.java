package io.hactl.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The command line of a controller's real {@code mongod} ({@code controller-db: mongod}), the
 * same flags as the systemd unit cloud machines get: a replica-set member named after the set,
 * on the state port, with its own database folder, authenticating its peers with the set's
 * keyfile. It listens on loopback as well as on the address its peers know it by, because
 * mongod lets the first user be created only over loopback (the localhost exception).
 *
 * @param replicaSet the replica set's name
 * @param port the member's client port
 * @param address the address the member's peers and clients reach it at
 * @param dbPath the member's data folder
 * @param keyFile the set's shared key, mode 0600
 */
record MongodCommand(String replicaSet, int port, String address, Path dbPath, Path keyFile) {

  static final String LOOPBACK = "127.0.0.1";

  MongodCommand {
    Objects.requireNonNull(replicaSet, "replicaSet");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(dbPath, "dbPath");
    Objects.requireNonNull(keyFile, "keyFile");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("mongod's port must be 1..65535, got " + port);
    }
  }

  /** {@code --bind_ip}: loopback first, then the member's own address unless it is loopback. */
  String bindIp() {
    Set<String> addresses = new LinkedHashSet<>(List.of(LOOPBACK, address));
    return String.join(",", addresses);
  }

  /** The address mongod answers the localhost exception on. */
  String loopbackAddress() {
    return LOOPBACK + ":" + port;
  }

  /** The address the set knows this member by. */
  String memberAddress() {
    return address + ":" + port;
  }

  /** The arguments, {@code executable} (the mongod binary) first, as a process builder takes. */
  List<String> arguments(String executable) {
    List<String> arguments = new ArrayList<>();
    arguments.add(executable);
    arguments.addAll(List.of("--replSet", replicaSet, "--port", Integer.toString(port),
        "--bind_ip", bindIp(), "--dbpath", dbPath.toString(), "--keyFile", keyFile.toString()));
    return arguments;
  }
}
