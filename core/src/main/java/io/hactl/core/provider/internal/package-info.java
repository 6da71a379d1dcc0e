/**
 * How the provider registry works: PF4J configured for jar plugins that share hactl's SPI, the
 * discovery of provider extensions, and the bounded worker calls into plugin code. Not for use
 * outside {@code io.hactl.core.provider}.
 */
package io.hactl.core.provider.internal;
