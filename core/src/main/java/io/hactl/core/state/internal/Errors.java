package io.hactl.core.state.internal;

import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoException;

/** Turns driver exceptions into one-line causes a user can act on. */
final class Errors {

  private Errors() {}

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
