/**
 * The LXD provider plugin: machines as LXD containers, created through the LXD REST API 1.0
 * over the daemon's unix socket or over HTTPS with a trusted client certificate, each started
 * with hactl's cloud-init user data. Talks HTTP and JSON with the JDK alone.
 */
package io.hactl.plugins.lxd;
