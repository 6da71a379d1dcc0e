package io.hactl.plugins.testkit;

import io.hactl.plugin.api.Instance;
import io.hactl.plugin.api.InstanceSpec;
import io.hactl.plugin.api.InstanceState;
import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderContext;
import io.hactl.plugin.api.ProviderException;
import io.hactl.plugin.api.ProviderSetting;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The kit's own fixture provider, packed into a plugin jar by the kit's tests: instances are
 * folders under the storage directory. Setting {@code endpoint} (host:port) makes listing wait for
 * that "backend" to answer, over an interruptible channel; setting {@code refuse} makes every
 * start fail as a backend would.
 */
public final class FileProvider implements Provider {
  @Override
  public String type() {
    return "files";
  }

  @Override
  public List<ProviderSetting> settings() {
    return List.of(
        new ProviderSetting("endpoint", "host:port of a backend to ask before listing", false,
            false),
        new ProviderSetting("refuse", "a reason to refuse every start with", false, false));
  }

  @Override
  public Instance startInstance(ProviderContext context, InstanceSpec spec)
      throws ProviderException {
    String refusal = context.settings().get("refuse");
    if (refusal != null) {
      throw new ProviderException("backend refused: " + refusal);
    }
    if (spec.placement().zoneIfSet().isPresent()) {
      throw new ProviderException("no zones here; cannot place machine " + spec.machineId()
          + " in " + spec.placement().zone());
    }
    String id = "f-" + spec.machineId();
    Path folder = instances(context.storageDirectory()).resolve(id);
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("machine"), spec.machineId());
      Files.writeString(folder.resolve("user-data"), spec.userData());
    } catch (IOException e) {
      throw new ProviderException("cannot record instance " + id + ": " + e.getMessage(), e);
    }
    return new Instance(id, spec.machineId(), InstanceState.RUNNING, List.of("127.0.0.1"),
        Map.of(), Map.of());
  }

  @Override
  public void stopInstances(ProviderContext context, List<String> instanceIds)
      throws ProviderException {
    for (String id : instanceIds) {
      Path folder = instances(context.storageDirectory()).resolve(id);
      try {
        Files.deleteIfExists(folder.resolve("machine"));
        Files.deleteIfExists(folder.resolve("user-data"));
        Files.deleteIfExists(folder);
      } catch (IOException e) {
        throw new ProviderException("cannot remove instance " + id + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public List<Instance> instances(ProviderContext context) throws ProviderException {
    String endpoint = context.settings().get("endpoint");
    if (endpoint != null) {
      askBackend(endpoint);
    }
    Path root = instances(context.storageDirectory());
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Instance> found = new ArrayList<>();
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder : folders.sorted().toList()) {
        found.add(new Instance(folder.getFileName().toString(),
            Files.readString(folder.resolve("machine")), InstanceState.RUNNING,
            List.of("127.0.0.1"), Map.of(), Map.of()));
      }
    } catch (IOException e) {
      throw new ProviderException("cannot list instances: " + e.getMessage(), e);
    }
    return found;
  }

  /** Reads the user data an instance was started with, as a backend would show it. */
  static String userDataOf(ProviderContext context, Instance instance) throws IOException {
    return Files.readString(instances(context.storageDirectory()).resolve(instance.id())
        .resolve("user-data"));
  }

  private static void askBackend(String endpoint) throws ProviderException {
    String[] hostPort = endpoint.split(":");
    try (SocketChannel channel = SocketChannel.open(
        new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))) {
      channel.write(ByteBuffer.wrap("list\n".getBytes(StandardCharsets.UTF_8)));
      channel.read(ByteBuffer.allocate(1));
    } catch (ClosedByInterruptException e) {
      throw new ProviderException("interrupted while waiting for the backend at " + endpoint, e);
    } catch (IOException e) {
      throw new ProviderException("backend at " + endpoint + " failed: " + e.getMessage(), e);
    }
  }

  private static Path instances(Path storage) {
    return storage.resolve("instances");
  }
}
