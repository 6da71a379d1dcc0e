package io.hactl.tui.ssh;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.BasicCharacterPattern;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Lanterna ANSI terminal over an SSH channel's streams. Its size is the client's pty size, from
 * the pty request and then every window-change, rather than asked of the terminal with escape
 * codes (which would race the dashboard's own input reading).
 */
final class SshTerminal extends ANSITerminal {

  private volatile TerminalSize size;

  SshTerminal(InputStream in, OutputStream out, int columns, int rows) {
    super(in, out, StandardCharsets.UTF_8);
    this.size = new TerminalSize(Math.max(columns, 1), Math.max(rows, 1));
    // No tty layer translates the client's Return (CR) into a newline here, as a local terminal's
    // icrnl does, so CR itself must mean Enter.
    getInputDecoder().addProfile(() -> List.of(
        new BasicCharacterPattern(new KeyStroke(KeyType.Enter), '\r')));
  }

  /** The client resized its window. */
  void resized(int columns, int rows) {
    size = new TerminalSize(Math.max(columns, 1), Math.max(rows, 1));
    onResized(size);
  }

  @Override
  protected TerminalSize findTerminalSize() {
    return size;
  }
}
