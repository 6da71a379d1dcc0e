package io.hactl.plugins.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The kit's suite against its fixture provider, packed into a real jar and loaded via PF4J. */
class FileProviderContractTest extends ProviderContract {
  private static Path jar;

  @Override
  protected ContractTarget target() throws Exception {
    return ContractTarget.plugin(fixtureJar())
        .context(env -> env.context(Map.of()))
        .userData(FileProvider::userDataOf)
        .hangingBackend((env, silent) ->
            env.context(Map.of("endpoint", silent.host() + ":" + silent.port())))
        .failingBackend(env -> env.context(Map.of("refuse", "quota exceeded")));
  }

  static synchronized Path fixtureJar() throws Exception {
    if (jar == null) {
      Path folder = Files.createTempDirectory("file-provider-");
      folder.toFile().deleteOnExit();
      jar = PluginJar.named("fixture-files").version("1.2.3").classes(FileProvider.class)
          .extension(FileProvider.class).writeTo(folder);
      jar.toFile().deleteOnExit();
    }
    return jar;
  }
}
