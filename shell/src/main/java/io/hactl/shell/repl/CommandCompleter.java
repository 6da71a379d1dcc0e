package io.hactl.shell.repl;

import io.hactl.shell.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Tab completion from the picocli model: verbs, their flags, flag values ({@code --format}), and
 * the names only the session knows: environments (for {@code switch} and {@code -e}), machine
 * ids (for {@code remove-machine}), controller ids (for {@code show-controller}) and machines
 * that may become controllers (for {@code enable-ha --to}). Runs on the prompt's thread, so it
 * reads only what the session already holds and never does I/O.
 */
final class CommandCompleter implements Completer {

  static final Set<String> ENVIRONMENT_OPTIONS = Set.of("-e", "--environment");
  static final List<String> REPL_WORDS = List.of("exit", "quit");
  static final String PLACEMENT_OPTION = "--to";

  private final CommandSpec root;
  private final Session session;
  private final Supplier<String> promptEnvironment;

  /**
   * @param promptEnvironment the environment the prompt shows, for machine ids when the line
   *     names none
   */
  CommandCompleter(CommandSpec root, Session session, Supplier<String> promptEnvironment) {
    this.root = root;
    this.session = session;
    this.promptEnvironment = promptEnvironment;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    candidates.addAll(candidates(line.words(), line.wordIndex()).stream()
        .map(CommandCompleter::candidate)
        .toList());
  }

  /** What may stand at word {@code index} of {@code words}; the word itself may be partial. */
  List<String> candidates(List<String> words, int index) {
    List<String> before = new ArrayList<>(words.subList(0, Math.min(index, words.size())));
    if (!before.isEmpty() && before.get(0).equals(root.name())) {
      before.remove(0);
    }
    if (before.isEmpty()) {
      List<String> verbs = new ArrayList<>(root.subcommands().keySet());
      verbs.addAll(REPL_WORDS);
      return verbs;
    }
    CommandSpec verb = root.subcommands().containsKey(before.get(0))
        ? root.subcommands().get(before.get(0)).getCommandSpec() : null;
    if (verb == null) {
      return List.of();
    }
    String previous = before.get(before.size() - 1);
    OptionSpec option = before.size() > 1 ? verb.findOption(previous) : null;
    String current = index < words.size() ? words.get(index) : "";
    if (option != null && option.names()[0].equals(PLACEMENT_OPTION)) {
      return placements(current, environmentOf(before));
    }
    if (option != null && option.arity().max() > 0) {
      return optionValues(option);
    }
    if (current.startsWith("-")) {
      return optionNames(verb);
    }
    List<String> positional = positionals(verb.name(), before);
    return positional.isEmpty() && verb.positionalParameters().isEmpty()
        ? optionNames(verb) : positional;
  }

  private List<String> optionValues(OptionSpec option) {
    for (String name : option.names()) {
      if (ENVIRONMENT_OPTIONS.contains(name)) {
        return session.environmentNames();
      }
    }
    List<String> values = new ArrayList<>();
    if (option.completionCandidates() != null) {
      option.completionCandidates().forEach(values::add);
    }
    return values;
  }

  private List<String> positionals(String verb, List<String> before) {
    return switch (verb) {
      case "switch" -> session.environmentNames();
      case "remove-machine" -> {
        List<String> ids = new ArrayList<>(session.knownMachines().ids(environmentOf(before)));
        ids.removeAll(before); // an id already typed is not offered again
        yield ids;
      }
      case "show-controller" -> {
        List<String> ids = new ArrayList<>(
            session.knownMachines().controllerIds(environmentOf(before)));
        ids.removeAll(before);
        yield ids;
      }
      case "help" -> new ArrayList<>(root.subcommands().keySet());
      default -> List.of();
    };
  }

  /**
   * {@code enable-ha --to 4,5}: machines that are not controllers yet. After a comma, each
   * candidate repeats what was typed before it, so that it matches the word being completed.
   */
  private List<String> placements(String current, String environment) {
    int comma = current.lastIndexOf(',');
    String typed = comma < 0 ? "" : current.substring(0, comma + 1);
    List<String> already = List.of(typed.split(","));
    return session.knownMachines().nonControllerIds(environment).stream()
        .filter(id -> !already.contains(id))
        .map(id -> typed + id)
        .toList();
  }

  private String environmentOf(List<String> before) {
    for (int i = 0; i < before.size() - 1; i++) {
      if (ENVIRONMENT_OPTIONS.contains(before.get(i))) {
        return before.get(i + 1);
      }
    }
    return promptEnvironment.get();
  }

  private static List<String> optionNames(CommandSpec verb) {
    List<String> names = new ArrayList<>();
    for (OptionSpec option : verb.options()) {
      if (!option.hidden()) {
        names.addAll(List.of(option.names()));
      }
    }
    return names;
  }

  private static Candidate candidate(String value) {
    return new Candidate(value, value, null, null, null, null, true);
  }
}
