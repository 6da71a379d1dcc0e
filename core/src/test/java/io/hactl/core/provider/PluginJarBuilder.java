package io.hactl.core.provider;

import io.hactl.plugin.api.Provider;
import io.hactl.plugin.api.ProviderSpi;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.pf4j.ExtensionPoint;

/**
 * Builds real PF4J plugin jars in tests: compiles Java sources against the provider SPI and PF4J
 * (and nothing else, as a plugin's build would), then packs the classes with a PF4J manifest and
 * a {@code META-INF/extensions.idx} listing the given extension classes, which is what PF4J's
 * annotation processor writes for {@code @Extension} classes.
 */
final class PluginJarBuilder {
  private final Map<String, String> manifest = new LinkedHashMap<>();
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final List<String> extensions = new ArrayList<>();
  private final Map<String, byte[]> extraEntries = new LinkedHashMap<>();

  private PluginJarBuilder() {}

  static PluginJarBuilder plugin(String pluginId) {
    return new PluginJarBuilder()
        .manifest("Plugin-Id", pluginId)
        .manifest("Plugin-Version", "1.0.0")
        .manifest(ProviderSpi.MANIFEST_ATTRIBUTE, ProviderSpi.VERSION);
  }

  /** A jar whose manifest says nothing about being a plugin. */
  static PluginJarBuilder notAPlugin() {
    return new PluginJarBuilder();
  }

  PluginJarBuilder manifest(String key, String value) {
    manifest.put(key, value);
    return this;
  }

  /** A class to compile into the jar, by its fully qualified name. */
  PluginJarBuilder source(String className, String code) {
    sources.put(className, code);
    return this;
  }

  /** A class to list in {@code META-INF/extensions.idx} (it need not exist). */
  PluginJarBuilder extension(String className) {
    extensions.add(className);
    return this;
  }

  /** A file put into the jar as is, e.g. a copy of the SPI's classes. */
  PluginJarBuilder entry(String path, byte[] content) {
    extraEntries.put(path, content);
    return this;
  }

  /** Builds the jar as {@code folder/fileName}, using {@code work} for sources and classes. */
  Path writeTo(Path folder, String fileName, Path work) throws IOException {
    Path sourceDir = Files.createTempDirectory(work, "src");
    Path classDir = Files.createTempDirectory(work, "classes");
    compile(sourceDir, classDir);
    Files.createDirectories(folder);
    Path jar = folder.resolve(fileName);
    Manifest jarManifest = new Manifest();
    jarManifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.forEach((key, value) -> jarManifest.getMainAttributes().putValue(key, value));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), jarManifest)) {
      if (!extensions.isEmpty()) {
        put(out, "META-INF/extensions.idx",
            (String.join("\n", extensions) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      for (Path file : classFiles(classDir)) {
        put(out, classDir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
      for (Map.Entry<String, byte[]> entry : extraEntries.entrySet()) {
        put(out, entry.getKey(), entry.getValue());
      }
    }
    return jar;
  }

  /** Writes bytes that are not a jar at all under a jar's name. */
  static Path garbageJar(Path folder, String fileName) throws IOException {
    Files.createDirectories(folder);
    return Files.write(folder.resolve(fileName), "this is not a zip file".getBytes(
        StandardCharsets.UTF_8));
  }

  private void compile(Path sourceDir, Path classDir) throws IOException {
    if (sources.isEmpty()) {
      return;
    }
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file.toString());
    }
    List<String> arguments = new ArrayList<>(List.of(
        "-d", classDir.toString(),
        "-proc:none",
        "--release", "17",
        "-cp", location(Provider.class) + File.pathSeparator + location(ExtensionPoint.class)));
    arguments.addAll(files);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, OutputStream.nullOutputStream(), errors,
        arguments.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("fixture sources do not compile: "
          + errors.toString(StandardCharsets.UTF_8));
    }
  }

  private static List<Path> classFiles(Path classDir) throws IOException {
    try (Stream<Path> files = Files.walk(classDir)) {
      return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
  }

  private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(content);
    out.closeEntry();
  }

  static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
