package io.hactl.plugins.lxd;

import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * LXD's local API over its unix socket, one connection per request. Blocking socket channels
 * are interruptible: an interrupt closes the channel and the call ends with an exception, so a
 * caller's timeout always takes effect.
 */
final class UnixSocketTransport implements LxdTransport {
  private final Path socket;

  UnixSocketTransport(Path socket) {
    this.socket = socket;
  }

  @Override
  public Response exchange(String method, String path, String body) throws IOException {
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      ByteBuffer request = ByteBuffer.wrap(HttpMessages.request(method, path, body));
      while (request.hasRemaining()) {
        channel.write(request);
      }
      InputStream in = Channels.newInputStream(channel);
      return HttpMessages.readResponse(in);
    }
  }

  @Override
  public String describe() {
    return "unix socket " + socket;
  }

  Path socket() {
    return socket;
  }
}
