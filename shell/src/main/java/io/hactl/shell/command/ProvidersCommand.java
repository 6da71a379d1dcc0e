package io.hactl.shell.command;

import io.hactl.core.HactlException;
import io.hactl.core.provider.PluginProblem;
import io.hactl.core.provider.ProviderDescription;
import io.hactl.core.provider.ProviderListing;
import io.hactl.plugin.api.ProviderSetting;
import io.hactl.shell.render.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code providers}: the provider plugins hactl loaded, with their plugin and SPI versions and
 * the settings each accepts in environments.yaml, and the plugins it could not use.
 */
@Command(name = "providers", mixinStandardHelpOptions = true,
    description = "List the loaded provider plugins, their versions and the settings each"
        + " accepts.")
final class ProvidersCommand extends EnvironmentCommand {

  @Mixin
  FormatOption format;

  @Override
  void run() throws HactlException {
    ProviderListing listing = session().providers();
    print(format.format(), document(listing), text(listing));
  }

  /** A table of providers, then one table of settings per provider, then what failed. */
  static String text(ProviderListing listing) {
    StringBuilder out = new StringBuilder();
    TextTable providers = new TextTable("TYPE", "PLUGIN", "VERSION", "SPI");
    for (ProviderDescription provider : listing.providers()) {
      providers.row(provider.type(), provider.pluginId(), provider.pluginVersion(),
          provider.spiVersion());
    }
    out.append(providers.render());
    for (ProviderDescription provider : listing.providers()) {
      out.append('\n');
      if (provider.settings().isEmpty()) {
        out.append("Settings of ").append(provider.type()).append(": none\n");
        continue;
      }
      out.append("Settings of ").append(provider.type()).append(":\n");
      TextTable settings = new TextTable("NAME", "REQUIRED", "SECRET", "DESCRIPTION");
      for (ProviderSetting setting : provider.settings()) {
        settings.row(setting.name(), yesNo(setting.required()), yesNo(setting.secret()),
            setting.description());
      }
      out.append(settings.render());
    }
    if (!listing.problems().isEmpty()) {
      out.append("\nNot loaded:\n");
      for (PluginProblem problem : listing.problems()) {
        out.append(problem).append('\n');
      }
    }
    out.append("\nThis hactl implements provider SPI ").append(listing.hostSpiVersion())
        .append(".\n");
    return out.toString();
  }

  static Map<String, Object> document(ProviderListing listing) {
    Map<String, Object> providers = new LinkedHashMap<>();
    for (ProviderDescription provider : listing.providers()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("plugin", provider.pluginId());
      doc.put("plugin-version", provider.pluginVersion());
      doc.put("spi-version", provider.spiVersion());
      Map<String, Object> settings = new LinkedHashMap<>();
      for (ProviderSetting setting : provider.settings()) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("description", setting.description());
        one.put("required", setting.required());
        one.put("secret", setting.secret());
        settings.put(setting.name(), one);
      }
      doc.put("settings", settings);
      providers.put(provider.type(), doc);
    }
    List<Map<String, Object>> problems = new ArrayList<>();
    for (PluginProblem problem : listing.problems()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("plugin", problem.plugin());
      one.put("problem", problem.message());
      problems.add(one);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("spi-version", listing.hostSpiVersion());
    doc.put("providers", providers);
    doc.put("not-loaded", problems);
    return doc;
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }
}
