package io.hactl.shell.repl;

import java.io.IOException;
import java.io.InputStream;
import org.jline.utils.NonBlockingInputStream;

/**
 * JLine's terminal input as a plain stream for Lanterna, while the REPL lends the terminal to the
 * dashboard. Reading through JLine rather than System.in means a key JLine already buffered (or a
 * read JLine's own thread is waiting on) reaches whoever reads next, and no byte is lost or read
 * by two owners when the prompt comes back. {@link #available()} peeks briefly, since Lanterna
 * polls for keys with {@code available() > 0}.
 */
final class JLineInput extends InputStream {

  private static final long PEEK_MILLIS = 1;

  private final NonBlockingInputStream input;

  JLineInput(NonBlockingInputStream input) {
    this.input = input;
  }

  @Override
  public int read() throws IOException {
    int c = input.read();
    return c < 0 ? -1 : c;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    int c = read();
    if (c < 0) {
      return -1;
    }
    buffer[offset] = (byte) c;
    int n = 1;
    // Take what is already there (an escape sequence arrives in one burst) without waiting.
    while (n < length && input.peek(PEEK_MILLIS) >= 0) {
      buffer[offset + n++] = (byte) input.read();
    }
    return n;
  }

  @Override
  public int available() throws IOException {
    return input.peek(PEEK_MILLIS) >= 0 ? 1 : 0;
  }
}
