package io.hactl.shell.render;

import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.EventView;
import io.hactl.core.status.MachineStatus;
import io.hactl.core.status.MemberStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code status} for people: a Juju-like header (environment, provider, HA, master), core's
 * warnings, then one table of machines in which controllers also show their replica-set member
 * and {@code controller-member-status}, and the master is marked {@code *}.
 */
public final class StatusText {

  /** How many of the newest events the table shows; YAML/JSON carry all that core sent. */
  static final int RECENT_EVENTS = 5;

  private static final DateTimeFormatter EVENT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private StatusText() {}

  public static String render(EnvironmentStatus status) {
    StringBuilder out = new StringBuilder();
    header(out, "environment", status.name());
    header(out, "provider", status.provider());
    if (!status.bootstrapped()) {
      header(out, "state", "not bootstrapped (run `hactl bootstrap`)");
      return out.toString();
    }
    header(out, "uuid", status.uuid());
    header(out, "state", status.reachable()
        ? "reachable" : "unreachable: " + status.problem());
    // Without state nothing is known of votes or the master: "none" would be a false calm.
    header(out, "ha", status.reachable() ? status.haSummary() : "unknown");
    header(out, "master", !status.reachable() ? "unknown"
        : status.master() == null ? "none" : "machine " + status.master());
    warnings(out, status);
    out.append('\n');
    if (status.machines().isEmpty()) {
      out.append("no machines\n");
    } else {
      out.append(machines(status));
      if (status.master() != null) {
        out.append('\n').append(ControllerText.MASTER_LEGEND).append('\n');
      }
    }
    List<EventView> events = status.events();
    if (!events.isEmpty()) {
      out.append("\nrecent events:\n");
      for (EventView e : events.subList(Math.max(0, events.size() - RECENT_EVENTS),
          events.size())) {
        out.append(String.format(Locale.ROOT, "  %s  %-12s %s%n",
            EVENT_TIME.format(e.at()), e.kind(),
            (e.machineId() == null ? "" : "machine " + e.machineId() + ": ") + e.message()));
      }
    }
    return out.toString();
  }

  /**
   * Core's warnings (a controller down, quorum one loss from breaking, a machine that cannot be
   * provisioned) go right under the header, before the table, where they cannot be missed.
   */
  static void warnings(StringBuilder out, EnvironmentStatus status) {
    if (!status.warnings().isEmpty()) {
      out.append('\n');
      status.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
    }
  }

  /** The machine's id, marked {@code *} when it is the master (its member is primary). */
  static String machineId(MachineStatus machine) {
    return machine.member() != null && machine.member().primary()
        ? machine.id() + "*" : machine.id();
  }

  /**
   * Columns ordered so the line stays within 80 columns up to JOBS, the only long cell; the
   * instance's state is shown only when it is not {@code running}, as it then needs attention.
   * Port names are in the YAML/JSON output; the table shows the numbers.
   */
  private static String machines(EnvironmentStatus status) {
    TextTable table = new TextTable(
        "MACHINE", "STATE", "ADDRESS", "INSTANCE", "PID", "PORTS", "MEMBER", "VOTE", "JOBS");
    for (MachineStatus m : status.machines()) {
      MemberStatus member = m.member();
      table.row(
          machineId(m),
          m.agentState(),
          m.addresses().isEmpty() ? "" : m.addresses().get(0),
          instance(m),
          m.details().getOrDefault("pid", ""),
          ports(m.ports()),
          member == null ? "" : member.state(),
          member == null ? "" : member.voteStatus(),
          String.join(",", m.jobs()));
    }
    return table.render();
  }

  private static String instance(MachineStatus m) {
    if (m.instanceId() == null) {
      return m.instanceState() == null ? "" : "(" + m.instanceState() + ")";
    }
    boolean running = m.instanceState() == null || "running".equals(m.instanceState());
    return running ? m.instanceId() : m.instanceId() + " (" + m.instanceState() + ")";
  }

  private static String ports(Map<String, Integer> ports) {
    return new TreeMap<>(ports).values().stream()
        .map(String::valueOf)
        .collect(Collectors.joining(","));
  }

  private static void header(StringBuilder out, String key, String value) {
    out.append(String.format(Locale.ROOT, "%-12s %s%n", key + ":", value == null ? "-" : value));
  }
}
