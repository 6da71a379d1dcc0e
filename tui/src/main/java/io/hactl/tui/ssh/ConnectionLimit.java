package io.hactl.tui.ssh;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/** Closes a new connection at once when {@code max} are already open. */
final class ConnectionLimit implements SessionListener {

  private final int max;
  private final AtomicInteger open = new AtomicInteger();

  ConnectionLimit(int max) {
    this.max = max;
  }

  @Override
  public void sessionCreated(Session session) {
    if (open.incrementAndGet() > max) {
      try {
        session.close(true);
      } catch (RuntimeException e) {
        // already closing
      }
    }
  }

  @Override
  public void sessionClosed(Session session) {
    open.decrementAndGet();
  }
}
