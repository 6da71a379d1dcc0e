/**
 * The provider SPI: the one extension point ({@link io.hactl.plugin.api.Provider}) a provider
 * plugin implements, and the immutable records it takes and returns. Depends on nothing but PF4J.
 *
 * @since 0.1
 */
package io.hactl.plugin.api;
