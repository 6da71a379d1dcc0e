package io.hactl.core.environment.internal;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import io.hactl.plugin.api.ProviderSetting;
import io.hactl.replicaset.MemberOptions;
import io.hactl.replicaset.ReplicaSetMember;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A "cloud" for core tests, packed into a real plugin jar: each instance is an embedded
 * replica-set member in this JVM (what a controller's agent would run), and its credentials are
 * the {@code token} setting, resolved on the client only. Instances are recorded as files under
 * the storage folder, so that another copy of the plugin (a controller's) lists them too; the
 * listing reports what credentials the call was given, as names and a SHA-256 of the token,
 * never the token itself.
 */
public final class InProcessCloudProvider implements Provider {
  static final String TYPE = "in-process-cloud";
  static final String TOKEN = "token";
  static final String CREDENTIAL = "api-token";

  private static final Pattern REPLICA_SET = Pattern.compile("(?m)^replica-set: \"?([^\"\\n]+)");
  private static final Map<String, ReplicaSetMember> MEMBERS = new ConcurrentHashMap<>();

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<ProviderSetting> settings() {
    return List.of(new ProviderSetting(TOKEN, "the cloud's API token", true, true));
  }

  @Override
  public Map<String, String> resolveCredentials(ProviderContext context) {
    return Map.of(CREDENTIAL, context.settings().get(TOKEN));
  }

  @Override
  public Instance startInstance(ProviderContext context, InstanceSpec spec)
      throws ProviderException {
    Matcher replicaSet = REPLICA_SET.matcher(spec.agentConfig());
    if (!replicaSet.find()) {
      throw new ProviderException("the agent config names no replica set");
    }
    String id = "cloud-" + spec.machineId();
    try {
      Path machine = Files.createDirectories(context.storageDirectory().resolve(id));
      Files.writeString(machine.resolve("agent.yaml"), spec.agentConfig());
      int port = freePort();
      MEMBERS.put(id, ReplicaSetMember.start(new MemberOptions("127.0.0.1", port,
          machine.resolve("db"), replicaSet.group(1), null, freePort())));
      Files.writeString(machine.resolve("instance"), spec.machineId() + " " + port);
      return instance(id, spec.machineId(), port, context);
    } catch (IOException e) {
      throw new ProviderException("cannot start " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void stopInstances(ProviderContext context, List<String> instanceIds) {
    for (String id : instanceIds) {
      ReplicaSetMember member = MEMBERS.remove(id);
      if (member != null) {
        member.close();
      }
      try {
        Files.deleteIfExists(context.storageDirectory().resolve(id).resolve("instance"));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public List<Instance> instances(ProviderContext context) throws ProviderException {
    List<Instance> found = new ArrayList<>();
    try (var folders = Files.list(Files.createDirectories(context.storageDirectory()))) {
      for (Path folder : folders.sorted().toList()) {
        Path record = folder.resolve("instance");
        if (Files.exists(record)) {
          String[] fields = Files.readString(record).strip().split(" ");
          found.add(instance(folder.getFileName().toString(), fields[0],
              Integer.parseInt(fields[1]), context));
        }
      }
    } catch (IOException e) {
      throw new ProviderException("cannot list: " + e.getMessage(), e);
    }
    return found;
  }

  private static Instance instance(String id, String machineId, int port,
      ProviderContext context) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("credentials", String.join(",", new TreeSet<>(context.credentials().keySet())));
    String token = context.credentials().get(CREDENTIAL);
    if (token != null) {
      details.put("token-sha256", sha256(token));
    }
    return new Instance(id, machineId, InstanceState.RUNNING, List.of("127.0.0.1"),
        Map.of(Instance.STATE_PORT, port), details);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
