package io.hactl.core.provider;

import io.hactl.plugin.api.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Sources and jars of the plugins the provider tests load: working ones, and ones broken in each
 * way a real plugin can be.
 */
final class FixturePlugins {
  private FixturePlugins() {}

  /** A provider that answers everything, and shows on which thread and class loader it ran. */
  static Path echo(Path folder, String pluginId, String type, Path work) throws IOException {
    String className = "fixture." + pluginId.replace('-', '_') + ".EchoProvider";
    return PluginJarBuilder.plugin(pluginId)
        .source(className, echoSource(className, type))
        .extension(className)
        .writeTo(folder, pluginId + ".jar", work);
  }

  /** Throws a ProviderException, a RuntimeException, an Error, and answers null. */
  static Path failing(Path folder, Path work) throws IOException {
    return PluginJarBuilder.plugin("fixture-failing")
        .source("fixture.failing.FailingProvider", """
            package fixture.failing;
            import io.hactl.plugin.api.*;
            import java.util.*;
            public final class FailingProvider implements Provider {
              public String type() { return "failing"; }
              public List<SettingProblem> validateSettings(Map<String, String> settings) {
                return null;
              }
              public Instance startInstance(ProviderContext c, InstanceSpec s)
                  throws ProviderException {
                throw new ProviderException("quota exceeded in region test-1");
              }
              public void stopInstances(ProviderContext c, List<String> ids) {
                throw new NoClassDefFoundError("com/example/cloud/Client");
              }
              public List<Instance> instances(ProviderContext c) {
                throw new IllegalStateException("inventory is corrupt");
              }
            }
            """)
        .extension("fixture.failing.FailingProvider")
        .writeTo(folder, "fixture-failing.jar", work);
  }

  /**
   * Hangs: {@code startInstance} until interrupted (then it records the interruption in the
   * system property {@value #INTERRUPTED_PROPERTY}), {@code instances} for ever, ignoring
   * interrupts as badly written plugins do.
   */
  static Path hanging(Path folder, Path work) throws IOException {
    return PluginJarBuilder.plugin("fixture-hanging")
        .source("fixture.hanging.HangingProvider", """
            package fixture.hanging;
            import io.hactl.plugin.api.*;
            import java.util.*;
            import java.util.concurrent.locks.LockSupport;
            public final class HangingProvider implements Provider {
              public String type() { return "hanging"; }
              public Instance startInstance(ProviderContext c, InstanceSpec s)
                  throws ProviderException {
                try {
                  Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                  System.setProperty("%s", Thread.currentThread().getName());
                }
                throw new ProviderException("interrupted");
              }
              public void stopInstances(ProviderContext c, List<String> ids) {}
              public List<Instance> instances(ProviderContext c) {
                while (true) {
                  LockSupport.parkNanos(1_000_000_000L);
                }
              }
            }
            """.formatted(INTERRUPTED_PROPERTY))
        .extension("fixture.hanging.HangingProvider")
        .writeTo(folder, "fixture-hanging.jar", work);
  }

  static final String INTERRUPTED_PROPERTY = "hactl.fixture.hanging.interrupted";

  /** Its Plugin-Class throws from start(); it also has a provider, which must not be offered. */
  static Path startFails(Path folder, Path work) throws IOException {
    return PluginJarBuilder.plugin("fixture-start-fails")
        .manifest("Plugin-Class", "fixture.startfails.ExplodingPlugin")
        .source("fixture.startfails.ExplodingPlugin", """
            package fixture.startfails;
            public final class ExplodingPlugin extends org.pf4j.Plugin {
              @Override
              public void start() {
                throw new IllegalStateException("cannot reach the licence server");
              }
            }
            """)
        .source("fixture.startfails.EchoProvider",
            echoSource("fixture.startfails.EchoProvider", "exploding"))
        .extension("fixture.startfails.EchoProvider")
        .writeTo(folder, "fixture-start-fails.jar", work);
  }

  /** Lists an extension class that is not in the jar. */
  static Path missingClass(Path folder, Path work) throws IOException {
    return PluginJarBuilder.plugin("fixture-missing-class")
        .extension("fixture.missing.GoneProvider")
        .writeTo(folder, "fixture-missing-class.jar", work);
  }

  /** Its provider's constructor throws. */
  static Path constructorFails(Path folder, Path work) throws IOException {
    return PluginJarBuilder.plugin("fixture-ctor-fails")
        .source("fixture.ctor.NeedyProvider", """
            package fixture.ctor;
            import io.hactl.plugin.api.*;
            import java.util.*;
            public final class NeedyProvider implements Provider {
              public NeedyProvider() {
                throw new IllegalStateException("needs CLOUD_TOKEN in the environment");
              }
              public String type() { return "needy"; }
              public Instance startInstance(ProviderContext c, InstanceSpec s) { return null; }
              public void stopInstances(ProviderContext c, List<String> ids) {}
              public List<Instance> instances(ProviderContext c) { return List.of(); }
            }
            """)
        .extension("fixture.ctor.NeedyProvider")
        .writeTo(folder, "fixture-ctor-fails.jar", work);
  }

  /** A jar with classes and an index but no Plugin-Id in its manifest. */
  static Path withoutPluginId(Path folder, Path work) throws IOException {
    return PluginJarBuilder.notAPlugin()
        .manifest("Plugin-Version", "1.0.0")
        .source("fixture.noid.EchoProvider", echoSource("fixture.noid.EchoProvider", "noid"))
        .extension("fixture.noid.EchoProvider")
        .writeTo(folder, "no-plugin-id.jar", work);
  }

  /**
   * A working provider whose jar also carries its own copy of the SPI's classes, a common
   * packaging mistake (compile scope instead of provided).
   */
  static Path bundlingTheSpi(Path folder, Path work) throws IOException {
    PluginJarBuilder builder = PluginJarBuilder.plugin("fixture-bundled-spi")
        .source("fixture.bundled.EchoProvider", echoSource("fixture.bundled.EchoProvider",
            "bundled"))
        .extension("fixture.bundled.EchoProvider");
    Path spi = PluginJarBuilder.location(Provider.class);
    String prefix = "io/hactl/plugin/api/";
    if (Files.isDirectory(spi)) {
      try (Stream<Path> files = Files.walk(spi.resolve(prefix))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          builder.entry(spi.relativize(file).toString(), Files.readAllBytes(file));
        }
      }
    } else {
      try (JarFile jar = new JarFile(spi.toFile())) {
        for (JarEntry entry : jar.stream().filter(e -> e.getName().startsWith(prefix)
            && !e.isDirectory()).toList()) {
          try (InputStream in = jar.getInputStream(entry)) {
            builder.entry(entry.getName(), in.readAllBytes());
          }
        }
      }
    }
    return builder.writeTo(folder, "fixture-bundled-spi.jar", work);
  }

  private static String echoSource(String className, String type) {
    int dot = className.lastIndexOf('.');
    return """
        package %s;
        import io.hactl.plugin.api.*;
        import java.io.IOException;
        import java.nio.file.Files;
        import java.util.*;
        public final class %s implements Provider {
          public String type() { return "%s"; }
          public List<SettingProblem> validateSettings(Map<String, String> settings) {
            List<SettingProblem> problems = new ArrayList<>();
            settings.keySet().stream().filter(key -> !key.equals("greeting")).sorted()
                .forEach(key -> problems.add(new SettingProblem(key, "unknown setting")));
            return problems;
          }
          public Instance startInstance(ProviderContext c, InstanceSpec s) {
            boolean pluginLoader =
                Thread.currentThread().getContextClassLoader() == getClass().getClassLoader();
            return new Instance(c.environmentName() + "-" + s.machineId(), s.machineId(),
                InstanceState.RUNNING, List.of("127.0.0.1"), Map.of(),
                Map.of("thread", Thread.currentThread().getName(),
                    "daemon", Boolean.toString(Thread.currentThread().isDaemon()),
                    "context-loader-is-plugin", Boolean.toString(pluginLoader)));
          }
          public void stopInstances(ProviderContext c, List<String> ids)
              throws ProviderException {
            try {
              Files.write(c.storageDirectory().resolve("stopped.txt"), ids);
            } catch (IOException e) {
              throw new ProviderException("cannot record the stop", e);
            }
          }
          public List<Instance> instances(ProviderContext c) {
            return List.of(new Instance("echo-1", "1", InstanceState.RUNNING, List.of(),
                Map.of(), Map.of()));
          }
        }
        """.formatted(className.substring(0, dot), className.substring(dot + 1), type);
  }
}
