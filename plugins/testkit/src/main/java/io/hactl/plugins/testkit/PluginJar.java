package io.hactl.plugins.testkit;

import io.hactl.plugin.api.ProviderSpi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds a real PF4J plugin jar, as a plugin's Maven build would: a manifest with {@code
 * Plugin-Id}, {@code Plugin-Version} and {@code Hactl-Spi-Version}, the plugin's classes and
 * resources, and {@code META-INF/extensions.idx} (which PF4J's annotation processor writes for
 * {@code @Extension} classes).
 *
 * <pre>{@code
 * // the plugin's own compiled classes, before Maven packages them (tests run before `package`):
 * Path jar = PluginJar.named("acme-provider-mycloud").classesFrom(Path.of("target/classes"))
 *     .writeTo(folder);
 * // or a fixture from test classes, listed as an extension by hand:
 * Path jar = PluginJar.named("fixture").classes(MyFixtureProvider.class)
 *     .extension(MyFixtureProvider.class).spiVersion("0.1").writeTo(folder);
 * try (LoadedPlugin plugin = LoadedPlugin.load(jar)) { ... }
 * }</pre>
 *
 * Entries are written in name order with a fixed time, so the same input gives the same jar.
 */
public final class PluginJar {
  private static final String INDEX = "META-INF/extensions.idx";
  /** Fixed entry time: reproducible jars, like the build's outputTimestamp. */
  private static final long ENTRY_TIME = 1_764_028_800_000L;

  private final String pluginId;
  private final Map<String, String> manifest = new LinkedHashMap<>();
  private final Map<String, byte[]> entries = new TreeMap<>();
  private final Set<String> extensions = new LinkedHashSet<>();

  private PluginJar(String pluginId) {
    this.pluginId = pluginId;
    manifest.put("Plugin-Id", pluginId);
    manifest.put("Plugin-Version", "0.0.0-test");
    manifest.put(ProviderSpi.MANIFEST_ATTRIBUTE, ProviderSpi.VERSION);
  }

  /**
   * A plugin jar with the given id, version {@code 0.0.0-test}, built for this kit's {@link
   * ProviderSpi#VERSION}.
   */
  public static PluginJar named(String pluginId) {
    if (pluginId == null || pluginId.isBlank()) {
      throw new IllegalArgumentException("a plugin needs an id");
    }
    return new PluginJar(pluginId);
  }

  /** Sets {@code Plugin-Version}. */
  public PluginJar version(String version) {
    return manifest("Plugin-Version", version);
  }

  /** Sets {@code Hactl-Spi-Version}; {@code null} leaves it out, as an old plugin would. */
  public PluginJar spiVersion(String version) {
    return manifest(ProviderSpi.MANIFEST_ATTRIBUTE, version);
  }

  /** Sets a manifest attribute; {@code null} removes it. */
  public PluginJar manifest(String attribute, String value) {
    if (value == null) {
      manifest.remove(attribute);
    } else {
      manifest.put(attribute, value);
    }
    return this;
  }

  /**
   * Adds every file under a folder of compiled classes and resources, e.g. {@code
   * target/classes}; its {@code META-INF/extensions.idx} is merged with {@link #extension}s.
   */
  public PluginJar classesFrom(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("no classes folder " + directory.toAbsolutePath()
          + "; compile the plugin first (mvn compile)");
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = directory.relativize(file).toString().replace('\\', '/');
        if (name.equals(INDEX)) {
          Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .forEach(extensions::add);
        } else if (!name.equals("META-INF/MANIFEST.MF")) {
          entries.put(name, Files.readAllBytes(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classes from " + directory, e);
    }
    return this;
  }

  /**
   * Adds the class files of the given types and of their nested, local and anonymous classes,
   * read from the class path (typically fixtures among a test's classes).
   */
  public PluginJar classes(Class<?>... types) {
    for (Class<?> type : types) {
      addClass(type);
    }
    return this;
  }

  /** Lists a class in {@code META-INF/extensions.idx}; it need not be in the jar. */
  public PluginJar extension(String className) {
    extensions.add(className);
    return this;
  }

  /** Lists a class in {@code META-INF/extensions.idx}. */
  public PluginJar extension(Class<?> type) {
    return extension(type.getName());
  }

  /** Adds a file to the jar, e.g. {@code "mycloud/defaults.properties"}. */
  public PluginJar resource(String path, byte[] content) {
    entries.put(path, content.clone());
    return this;
  }

  /** Adds a UTF-8 text file to the jar. */
  public PluginJar resource(String path, String content) {
    return resource(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes the jar as {@code folder/<plugin id>-<version>.jar} (creating the folder) and returns
   * its path.
   */
  public Path writeTo(Path folder) {
    String version = manifest.getOrDefault("Plugin-Version", "unversioned");
    Path jar = folder.resolve(pluginId + "-" + version + ".jar");
    Manifest jarManifest = new Manifest();
    jarManifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.forEach((key, value) -> jarManifest.getMainAttributes().putValue(key, value));
    Map<String, byte[]> all = new TreeMap<>(entries);
    if (!extensions.isEmpty()) {
      all.put(INDEX, (String.join("\n", extensions) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    try {
      Files.createDirectories(folder);
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), jarManifest)) {
        Set<String> folders = new LinkedHashSet<>();
        for (Map.Entry<String, byte[]> entry : all.entrySet()) {
          // Folder entries first: some tools (and PF4J's resource lookups) expect them.
          String name = entry.getKey();
          for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
            String parent = name.substring(0, slash + 1);
            if (!parent.equals("META-INF/") && folders.add(parent)) {
              put(out, parent, new byte[0]);
            }
          }
          put(out, name, entry.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write plugin jar " + jar, e);
    }
    return jar;
  }

  private void addClass(Class<?> type) {
    String resource = type.getName().replace('.', '/') + ".class";
    entries.put(resource, read(type, resource));
    // Nested, local and anonymous classes live in their own files named Outer$....class.
    Path location = codeSource(type);
    if (location != null && Files.isDirectory(location)) {
      Path folder = location.resolve(resource).getParent();
      String prefix = type.getName().substring(type.getName().lastIndexOf('.') + 1) + "$";
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)
            && f.getFileName().toString().endsWith(".class")).toList()) {
          entries.put(location.relativize(file).toString().replace('\\', '/'),
              Files.readAllBytes(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read nested classes of " + type.getName(), e);
      }
    } else {
      for (Class<?> nested : type.getDeclaredClasses()) {
        addClass(nested);
      }
    }
  }

  private static byte[] read(Class<?> type, String resource) {
    ClassLoader loader = type.getClassLoader() == null
        ? ClassLoader.getSystemClassLoader() : type.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("class file " + resource + " not found on the class"
            + " path of " + type.getName());
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static Path codeSource(Class<?> type) {
    try {
      var source = type.getProtectionDomain().getCodeSource();
      return source == null ? null : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
    JarEntry entry = new JarEntry(name);
    entry.setTime(ENTRY_TIME);
    out.putNextEntry(entry);
    out.write(content);
    out.closeEntry();
  }
}
