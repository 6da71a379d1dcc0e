package io.hactl.core.state.internal;

import com.mongodb.MongoException;
import com.mongodb.MongoTimeoutException;
import io.hactl.core.state.StateException;
import java.util.function.Supplier;

/** Turns driver exceptions into one-line causes a user can act on. */
final class Errors {

  private Errors() {}

  /** Runs one driver operation; a driver failure becomes a {@link StateException}. */
  static <T> T call(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (MongoException e) {
      throw new StateException("cannot " + what + ": " + describe(e), e);
    }
  }

  static String describe(MongoException e) {
    if (e instanceof MongoTimeoutException) {
      // The driver's own message is a multi-line cluster dump; the gist is enough here.
      return "no primary reachable in time: the controllers are down or still electing one";
    }
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
