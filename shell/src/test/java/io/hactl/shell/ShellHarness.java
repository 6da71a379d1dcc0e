package io.hactl.shell;

import io.hactl.shell.command.HactlCommand;
import io.hactl.shell.session.Session;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs commands exactly as Main does, with fakes for core and the console. */
final class ShellHarness {

  /** One command's outcome. */
  record Run(int exitCode, String out, String err) {}

  final FakeCoreAccess core = new FakeCoreAccess();
  final FakeConsole console = new FakeConsole();
  final Session session = new Session(core, console);
  String replOpenedOn = "<not opened>";

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    HactlCommand root = new HactlCommand(session, pinned -> {
      replOpenedOn = pinned;
      return 0;
    });
    int code = CommandLines.create(root, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
