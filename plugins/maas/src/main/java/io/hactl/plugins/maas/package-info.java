/**
 * The maas provider plugin: machines from a MAAS region through its 2.0 REST API. Its only public
 * type is the PF4J extension {@link io.hactl.plugins.maas.MaasProvider}; everything else (the
 * OAuth signer, the HTTP client, the JSON reader) is internal to the plugin, which needs nothing
 * at run time but the JDK and hactl's provider SPI.
 */
package io.hactl.plugins.maas;
