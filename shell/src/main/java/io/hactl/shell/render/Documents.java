package io.hactl.shell.render;

import io.hactl.core.EnvironmentSummary;
import io.hactl.core.environment.AddMachineResult;
import io.hactl.core.environment.BootstrapResult;
import io.hactl.core.environment.CredentialsUpdate;
import io.hactl.core.environment.DestroyResult;
import io.hactl.core.environment.RemoveMachineResult;
import io.hactl.core.membership.EnableHaResult;
import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.EventView;
import io.hactl.core.status.MachineStatus;
import io.hactl.core.status.MemberStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Result records as YAML/JSON documents with kebab-case keys. Key names and order are the
 * scripting interface of hactl: they are spelled out here, in one place, and tests pin them.
 */
public final class Documents {

  private Documents() {}

  /** {@code status}: the environment, then machines keyed by id (as Juju does), in id order. */
  public static Map<String, Object> status(EnvironmentStatus status) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("environment", status.name());
    doc.put("uuid", status.uuid());
    doc.put("provider", status.provider());
    doc.put("bootstrapped", status.bootstrapped());
    doc.put("reachable", status.reachable());
    doc.put("observed-at", text(status.observedAt()));
    doc.put("master", status.master());
    doc.put("ha", status.reachable() ? status.haSummary() : null);
    if (status.problem() != null) {
      doc.put("problem", status.problem());
    }
    doc.put("warnings", status.warnings());
    Map<String, Object> machines = new LinkedHashMap<>();
    for (MachineStatus machine : status.machines()) {
      machines.put(machine.id(), machine(machine));
    }
    doc.put("machines", machines);
    List<Map<String, Object>> events = new ArrayList<>();
    for (EventView event : status.events()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("at", text(event.at()));
      entry.put("kind", event.kind());
      entry.put("machine", event.machineId());
      entry.put("message", event.message());
      events.add(entry);
    }
    doc.put("events", events);
    return doc;
  }

  static Map<String, Object> machine(MachineStatus m) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", m.id());
    doc.put("jobs", m.jobs());
    doc.put("life", m.life());
    doc.put("instance-id", m.instanceId());
    doc.put("instance-state", m.instanceState());
    doc.put("addresses", m.addresses());
    doc.put("ports", new TreeMap<>(m.ports()));
    doc.put("details", new TreeMap<>(m.details()));
    doc.put("agent-state", m.agentState());
    doc.put("last-heartbeat", text(m.lastHeartbeat()));
    doc.put("member", m.member() == null ? null : member(m.member()));
    if (m.member() != null) {
      // Juju's keys for controllers, at the machine level where its scripts look for them.
      doc.put("controller-member-status", m.member().voteStatus());
      doc.put("ha-primary", m.member().primary());
    }
    doc.put("provisioning-error", m.provisioningError());
    return doc;
  }

  static Map<String, Object> member(MemberStatus member) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("address", member.address());
    doc.put("state", member.state());
    doc.put("has-vote", member.hasVote());
    doc.put("wants-vote", member.wantsVote());
    doc.put("vote-status", member.voteStatus());
    doc.put("primary", member.primary());
    doc.put("lag", member.lag() < 0 ? null : member.lag());
    return doc;
  }

  public static Map<String, Object> environments(List<EnvironmentSummary> environments) {
    Map<String, Object> all = new LinkedHashMap<>();
    for (EnvironmentSummary env : environments) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("type", env.type());
      doc.put("default", env.isDefault());
      doc.put("current", env.current());
      doc.put("bootstrapped", env.bootstrapped());
      all.put(env.name(), doc);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("environments", all);
    return doc;
  }

  public static Map<String, Object> bootstrap(BootstrapResult result) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("environment", result.environment());
    doc.put("uuid", result.uuid());
    doc.put("machine", result.machineId());
    doc.put("instance-id", result.instanceId());
    doc.put("state-address", result.stateAddress());
    doc.put("took-ms", result.took().toMillis());
    return doc;
  }

  /** Names only: the values are secrets and never leave core sealed. */
  public static Map<String, Object> credentialsUpdate(CredentialsUpdate result) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("environment", result.environment());
    doc.put("provider", result.provider());
    doc.put("credentials", result.names());
    doc.put("updated", result.updated().toString());
    return doc;
  }

  public static Map<String, Object> addedMachines(String environment, AddMachineResult result) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("environment", environment);
    doc.put("added", result.machineIds());
    return doc;
  }

  public static Map<String, Object> removedMachines(
      String environment, RemoveMachineResult result) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("environment", environment);
    doc.put("removed", result.machineIds());
    return doc;
  }

  /** {@code enable-ha}: Juju's keys, every list present even when empty. */
  public static Map<String, Object> enableHa(EnableHaResult result) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("maintained", result.maintained());
    doc.put("added", result.added());
    doc.put("removed", result.removed());
    doc.put("promoted", result.promoted());
    doc.put("demoted", result.demoted());
    doc.put("converted", result.converted());
    return doc;
  }

  public static Map<String, Object> destroyed(DestroyResult result) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("environment", result.environment());
    doc.put("stopped-instances", result.stoppedInstances());
    return doc;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
