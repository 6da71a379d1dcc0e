package io.hactl.shell.session;

import io.hactl.core.EnvironmentSummary;
import io.hactl.core.HactlException;
import io.hactl.core.backup.BackupService;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.core.provider.ProviderListing;
import java.util.List;

/**
 * What the shell needs from core, as a port: the production adapter sits over {@code HactlCore},
 * tests use a hand-written fake. Every method may do I/O (read environments.yaml, the client
 * store) and fails only with a user-ready {@link HactlException}.
 */
public interface CoreAccess extends AutoCloseable {

  /** The environment commands act on when none is named: the switched-to one, else the default. */
  String currentEnvironmentName() throws HactlException;

  /** Every configured environment, in configuration order. */
  List<EnvironmentSummary> listEnvironments() throws HactlException;

  /** Makes {@code name} the current environment, after checking it exists. */
  void switchEnvironment(String name) throws HactlException;

  /** Opens a client for one environment; the caller closes it. */
  EnvironmentClient openClient(String environmentName) throws HactlException;

  /**
   * Opens the backup service of one environment; the caller closes it. Sessions without backups
   * (test fakes) refuse.
   *
   * @since issue 8
   */
  default BackupService openBackups(String environmentName) throws HactlException {
    throw HactlException.failure("backups of " + environmentName + " are not available in this"
        + " session", null);
  }

  /**
   * The loaded provider plugins with their versions and settings. Sessions without plugins (test
   * fakes) refuse.
   *
   * @since issue 7
   */
  default ProviderListing describeProviders() throws HactlException {
    throw HactlException.failure("provider plugins are not available in this session", null);
  }

  @Override
  void close();
}
