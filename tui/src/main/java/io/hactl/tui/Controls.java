package io.hactl.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import io.hactl.core.environment.EnvironmentClient;
import io.hactl.core.logs.LogFilter;
import io.hactl.core.membership.EnableHaRequest;
import io.hactl.core.membership.EnableHaResult;
import io.hactl.tui.view.DashboardState;
import io.hactl.tui.view.Dialog;
import io.hactl.tui.view.LogsPane;
import io.hactl.tui.view.Notice;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What each key does, on the UI thread. Action keys open a dialog that asks for the action's
 * parameters, then a confirmation naming exactly what will run; the call itself goes to the
 * {@link ActionRunner}, which calls the same core service as the shell's command. A read-only
 * session refuses action keys with a notice instead.
 */
final class Controls {

  /** What the controls need from the running dashboard. */
  interface Host {
    DashboardState state();

    /** The client of the environment shown, or null while it is being opened. */
    EnvironmentClient client();

    ActionRunner actions();

    /** Lists environments off the UI thread and hands the names back on it. */
    void environments(Consumer<List<String>> then);

    void switchTo(String environment);

    void filter(LogFilter filter);
  }

  static final List<String> HELP = List.of(
      "q, Esc, Ctrl-C  quit (the terminal is restored)",
      "h  enable-ha [-n N]: make the controllers highly available",
      "a  add-machine: start N plain machines",
      "r  remove-machine: remove machines by id",
      "e  switch environment",
      "l  log filter, as debug-log's flags: --level warning --include machine-1 --exclude …",
      "p  pause or resume the log",
      "PgUp/PgDn, arrows, mouse wheel  scroll the machines",
      "marks: * master   ! down   ~ changing (pending, vote being added or removed)");

  private final Host host;
  private Prompt prompt;

  Controls(Host host) {
    this.host = host;
  }

  /** Handles one key; returns false when the dashboard should quit. */
  boolean key(KeyStroke key) {
    if (isCtrlC(key) || key.getKeyType() == KeyType.EOF) {
      return false; // always: the ways out that work in every state (EOF: the input is gone)
    }
    if (prompt != null) {
      answer(key);
      return true;
    }
    if (isQuit(key)) {
      return false;
    }
    switch (key.getKeyType()) {
      case PageDown -> host.state().scrollMachines(10);
      case PageUp -> host.state().scrollMachines(-10);
      case ArrowDown -> host.state().scrollMachines(1);
      case ArrowUp -> host.state().scrollMachines(-1);
      case Character -> character(key.getCharacter());
      default -> { }
    }
    return true;
  }

  private void character(char c) {
    switch (c) {
      case '?' -> open(Prompt.confirm("help", HELP, () -> { }).withHint(Prompt.HELP_HINT));
      case 'p' -> host.state().notice(Notice.info(host.state().togglePause()
          ? "log paused: new records are held until p" : "log resumed"));
      case 'l' -> open(Prompt.ask("log filter", List.of("debug-log's flags; empty shows"
          + " every record"), LogsPane.describe(host.state().logFilter()), this::filter));
      case 'e' -> host.environments(names -> open(Prompt.ask("switch environment",
          List.of("environments: " + String.join(", ", names)), "",
          input -> chooseEnvironment(input, names))));
      case 'h' -> ifOperator("enable-ha", () -> open(Prompt.ask("enable-ha",
          List.of("number of controllers (-n): 3, 5 or 7; empty keeps the count"), "",
          this::enableHa)));
      case 'a' -> ifOperator("add-machine", () -> open(Prompt.ask("add-machine",
          List.of("how many machines to add"), "1", this::addMachines)));
      case 'r' -> ifOperator("remove-machine", () -> open(Prompt.ask("remove-machine",
          List.of("machine ids to remove, separated by spaces"), "", this::removeMachines)));
      default -> { }
    }
  }

  private void ifOperator(String action, Runnable then) {
    if (host.state().readOnly()) {
      host.state().notice(Notice.error("cannot " + action + ": this session is read-only;"
          + " mark its key `operator` in the dashboard's authorized_keys"));
      return;
    }
    then.run();
  }

  private Prompt enableHa(String input) {
    int n;
    try {
      n = input.isBlank() ? 0 : Integer.parseInt(input.trim());
    } catch (NumberFormatException e) {
      return prompt.refused("not a number: " + input.trim());
    }
    String command = n == 0 ? "enable-ha" : "enable-ha -n " + n;
    return Prompt.confirm("confirm", List.of("run `" + command + "` on " + env() + "?"),
        () -> run(command, client -> {
          EnableHaResult result = client.enableHa(
              n == 0 ? EnableHaRequest.defaults() : EnableHaRequest.of(n), Map.of());
          String done = result.render().replace("\n", "; ");
          return command + ": " + (done.isEmpty() ? "nothing to change" : done);
        }));
  }

  private Prompt addMachines(String input) {
    int n;
    try {
      n = Integer.parseInt(input.trim());
    } catch (NumberFormatException e) {
      return prompt.refused("not a number: " + input.trim());
    }
    if (n < 1 || n > 100) {
      return prompt.refused("add between 1 and 100 machines at a time");
    }
    String command = "add-machine -n " + n;
    return Prompt.confirm("confirm", List.of("run `" + command + "` on " + env() + "?"),
        () -> run(command, client -> "added machines: "
            + String.join(", ", client.addMachines(n).machineIds())));
  }

  private Prompt removeMachines(String input) {
    List<String> ids = Arrays.stream(input.trim().split("[\\s,]+"))
        .filter(s -> !s.isEmpty()).toList();
    if (ids.isEmpty()) {
      return prompt.refused("name at least one machine id");
    }
    if (ids.stream().anyMatch(id -> !id.matches("[0-9]+"))) {
      return prompt.refused("machine ids are numbers, such as 3");
    }
    String command = "remove-machine " + String.join(" ", ids);
    return Prompt.confirm("confirm", List.of("run `" + command + "` on " + env() + "?",
        "their instances are stopped and they leave the environment"),
        () -> run(command, client -> "removed machines: "
            + String.join(", ", client.removeMachines(ids, false).machineIds())));
  }

  private Prompt chooseEnvironment(String input, List<String> names) {
    String name = input.trim();
    if (!names.contains(name)) {
      return prompt.refused("no environment named \"" + name + "\"");
    }
    return Prompt.confirm("confirm", List.of("switch to environment " + name + "?"),
        () -> host.switchTo(name));
  }

  private Prompt filter(String input) {
    try {
      LogFilter filter = FilterSyntax.parse(input);
      host.filter(filter);
      return null;
    } catch (IllegalArgumentException e) {
      return prompt.refused(e.getMessage());
    }
  }

  /** A core call on the current environment's client, the same one the shell's command makes. */
  private interface Call {
    String on(EnvironmentClient client) throws io.hactl.core.HactlException;
  }

  private void run(String what, Call call) {
    EnvironmentClient client = host.client();
    if (client == null) {
      host.state().notice(Notice.error("cannot run " + what + ": still connecting to "
          + env() + "; try again in a moment"));
      return;
    }
    host.actions().start(what, () -> call.on(client));
  }

  private String env() {
    return host.state().environment();
  }

  private void open(Prompt next) {
    prompt = next;
    host.state().dialog(next == null ? null : next.dialog());
  }

  private void answer(KeyStroke key) {
    KeyType type = key.getKeyType();
    boolean help = prompt.dialog().hint().equals(Prompt.HELP_HINT);
    if (help || type == KeyType.Escape) {
      open(null);
      return;
    }
    if (!prompt.takesInput()) {
      if (type == KeyType.Enter || type == KeyType.Character
          && Character.toLowerCase(key.getCharacter()) == 'y') {
        Prompt current = prompt;
        open(null);
        open(current.submit().apply(""));
      } else if (type == KeyType.Character
          && Character.toLowerCase(key.getCharacter()) == 'n') {
        open(null);
      }
      return;
    }
    String input = prompt.dialog().input();
    switch (type) {
      case Enter -> open(prompt.submit().apply(input));
      case Backspace -> open(prompt.withInput(input.isEmpty() ? input
          : input.substring(0, input.length() - 1)));
      case Character -> {
        if (!key.isCtrlDown() && !key.isAltDown()) {
          open(prompt.withInput(input + key.getCharacter()));
        }
      }
      default -> { }
    }
  }

  boolean dialogOpen() {
    return prompt != null;
  }

  static boolean isQuit(KeyStroke key) {
    KeyType type = key.getKeyType();
    if (type == KeyType.Escape || type == KeyType.EOF) {
      return true;
    }
    if (type != KeyType.Character) {
      return false;
    }
    char c = Character.toLowerCase(key.getCharacter());
    return c == 'q' && !key.isCtrlDown() || isCtrlC(key);
  }

  private static boolean isCtrlC(KeyStroke key) {
    return key.getKeyType() == KeyType.Character && key.isCtrlDown()
        && Character.toLowerCase(key.getCharacter()) == 'c';
  }
}
