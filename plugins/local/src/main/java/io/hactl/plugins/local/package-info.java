/**
 * The local provider plugin: machines are detached agent JVMs on this host. Its only public type
 * is the PF4J extension {@link io.hactl.plugins.local.LocalProvider}.
 */
package io.hactl.plugins.local;
