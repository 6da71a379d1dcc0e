/**
 * hactl's configuration: environments.yaml read into validated, immutable records, and where hactl
 * keeps its files.
 *
 * <p>{@link io.hactl.config.EnvironmentsLoader} turns the file into {@link
 * io.hactl.config.Environments}, or throws one {@link io.hactl.config.ConfigException} listing
 * every problem with its file, line, column and YAML path. Keys hactl understands are validated
 * and defaulted here; any other key of an environment is passed to its provider as a string
 * setting. {@link io.hactl.config.HactlPaths} computes file locations from environment variables
 * without touching the disk. Nothing outside this package sees YAML.
 */
package io.hactl.config;
