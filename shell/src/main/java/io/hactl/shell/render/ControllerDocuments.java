package io.hactl.shell.render;

import io.hactl.core.membership.Quorum;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.MachineStatus;
import io.hactl.core.status.MemberStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code controllers} and {@code show-controller} as YAML/JSON documents. Both describe a
 * controller machine with the same keys ({@link #controllerMachine}), Juju's where Juju has
 * one ({@code instance-id}, {@code ha-status}, {@code ha-primary},
 * {@code controller-member-status}).
 */
public final class ControllerDocuments {

  private ControllerDocuments() {}

  /** {@code controllers}: the environment's HA summary and every controller machine. */
  public static Map<String, Object> controllers(EnvironmentStatus status) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("environment", status.name());
    doc.putAll(details(status));
    doc.put("controller-machines", machines(status, status.controllers()));
    return doc;
  }

  /**
   * {@code show-controller}: like Juju, one top-level key per controller (here the
   * environment), holding its details and the chosen controller machines.
   */
  public static Map<String, Object> showController(EnvironmentStatus status,
      List<MachineStatus> chosen) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("details", details(status));
    body.put("controller-machines", machines(status, chosen));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(status.name(), body);
    return doc;
  }

  private static Map<String, Object> details(EnvironmentStatus status) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("uuid", status.uuid());
    doc.put("provider", status.provider());
    doc.put("reachable", status.reachable());
    if (status.problem() != null) {
      doc.put("problem", status.problem());
    }
    if (status.reachable()) {
      doc.put("ha", status.haSummary());
      doc.put("master", status.master());
      doc.put("quorum", quorum(ControllerFacts.quorum(status)));
    }
    doc.put("warnings", status.warnings());
    doc.put("observed-at", status.observedAt().toString());
    return doc;
  }

  private static Map<String, Object> quorum(Quorum quorum) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("voters", quorum.voters());
    doc.put("up", quorum.up());
    doc.put("needed", quorum.needed());
    doc.put("holds", quorum.holds());
    doc.put("can-lose", Math.max(ControllerFacts.margin(quorum), 0));
    return doc;
  }

  private static Map<String, Object> machines(EnvironmentStatus status,
      List<MachineStatus> machines) {
    Map<String, Object> doc = new LinkedHashMap<>();
    for (MachineStatus m : machines) {
      doc.put(m.id(), controllerMachine(m, status.observedAt()));
    }
    return doc;
  }

  /**
   * One controller machine. {@code ha-status} is left out when the controller neither has nor
   * wants a vote (as in Juju): it then has no HA role to report.
   */
  static Map<String, Object> controllerMachine(MachineStatus m, Instant now) {
    MemberStatus member = m.member();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("instance-id", m.instanceId());
    doc.put("address", member == null ? null : member.address());
    String haStatus = ControllerFacts.haStatus(m);
    if (haStatus != null) {
      doc.put("ha-status", haStatus);
    }
    doc.put("ha-primary", member != null && member.primary());
    doc.put("agent-state", m.agentState());
    doc.put("member-state", member == null ? null : member.state());
    doc.put("controller-member-status", member == null ? null : member.voteStatus());
    doc.put("wants-vote", member != null && member.wantsVote());
    doc.put("has-vote", member != null && member.hasVote());
    doc.put("lag", member == null || member.lag() < 0 ? null : member.lag());
    doc.put("last-heartbeat", m.lastHeartbeat() == null ? null : m.lastHeartbeat().toString());
    doc.put("heartbeat-age", ControllerFacts.age(m.lastHeartbeat(), now));
    return doc;
  }
}
