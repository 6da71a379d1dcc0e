package io.hactl.shell.command;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = HactlCommand.class.getPackage().getImplementationVersion();
    return new String[] {"hactl " + (version == null ? "development" : version)};
  }
}
