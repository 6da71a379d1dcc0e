package io.hactl.plugins.local;

import io.hactl.plugin.api.ProviderException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chooses a controller's state port on loopback. The member's peer port defaults to the state
 * port + {@value #PEER_OFFSET}, so both must be free. Ports come from below Linux's ephemeral
 * range (32768-60999) so that outgoing connections rarely take them between the check and the
 * agent's bind.
 */
final class StatePortPicker {
  static final int PEER_OFFSET = 10000;
  private static final int LOWEST = 20000;
  private static final int HIGHEST = 30000;
  private static final int ATTEMPTS = 200;

  private StatePortPicker() {}

  /**
   * @param taken ports already given to recorded instances whose agents may not have bound yet
   */
  static int pick(String address, Set<Integer> taken) throws ProviderException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
      if (!taken.contains(port) && !taken.contains(port + PEER_OFFSET)
          && isFree(address, port) && isFree(address, port + PEER_OFFSET)) {
        return port;
      }
    }
    throw new ProviderException("found no free pair of ports P and P+" + PEER_OFFSET + " on "
        + address + " between " + LOWEST + " and " + HIGHEST + " after " + ATTEMPTS + " tries");
  }

  static boolean isFree(String address, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(address), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
