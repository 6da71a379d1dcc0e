package io.hactl.tui.view;

import io.hactl.core.status.EnvironmentStatus;
import io.hactl.core.status.EventView;
import io.hactl.core.status.MachineStatus;
import io.hactl.core.status.MemberStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between consecutive snapshots: the timeline's seen entries, the failover in
 * progress or just finished, and each agent's uptime. Core's history says what its workers did
 * (elections, reconfigs, enable-ha); this adds what only a watcher notices (an agent went down, a
 * machine appeared or vanished, a controller lost its vote) and times elections, so the timeline
 * is complete even when a worker records nothing. UI thread only.
 */
final class ChangeTracker {

  /** Seen entries kept; core's own history is bounded by status (20 entries). */
  static final int SEEN_KEPT = 200;
  static final int FAILOVERS_KEPT = 20;

  private final Deque<TimelineEntry> seen = new ArrayDeque<>();
  private final Map<String, Uptime> uptimes = new HashMap<>();
  private final List<Failover> finished = new ArrayList<>();
  private EnvironmentStatus previous;
  private Failover failover;

  void accept(EnvironmentStatus snapshot) {
    if (!snapshot.bootstrapped()) {
      return;
    }
    if (!snapshot.reachable()) {
      lostWhileUnreachable(snapshot);
      return;
    }
    if (previous != null) {
      diff(previous, snapshot);
    }
    trackMaster(snapshot);
    refineElections(snapshot);
    trackUptimes(snapshot, previous == null);
    previous = snapshot;
  }

  /** The master cannot be seen: if one was known, a failover may be under way. */
  private void lostWhileUnreachable(EnvironmentStatus snapshot) {
    if (previous != null && previous.master() != null && !inProgress()) {
      // lost since it was last seen as master: the snapshot before this one
      failover = new Failover(previous.master(), previous.observedAt(), null, null);
    }
  }

  private void trackMaster(EnvironmentStatus now) {
    String master = now.master();
    String before = inProgress() ? failover.oldMaster()
        : previous == null ? null : previous.master();
    boolean masterDown = master != null && now.machine(master)
        .map(m -> "down".equals(m.agentState())).orElse(false);
    if (before != null && (master == null || masterDown) && !inProgress()) {
      failover = new Failover(before, lostAt(now, before), null, null);
    } else if (before != null && master != null && !master.equals(before) && !masterDown) {
      Instant lost = inProgress()
          ? earliest(failover.lostAt(), lostAt(now, before)) : lostAt(now, before);
      Instant event = electionOf(now, master, lost, now.observedAt());
      Instant elected = event != null ? event : now.observedAt();
      failover = new Failover(before, lost, master, elected);
      finished.add(failover);
      if (finished.size() > FAILOVERS_KEPT) {
        finished.remove(0);
      }
    } else if (inProgress() && master != null
        && master.equals(failover.oldMaster()) && !masterDown) {
      failover = null; // the master came back (or was only unreachable): no election happened
    }
  }

  /**
   * A failover seen before core's election event was readable is timed by when it was seen;
   * once the event arrives (the new master records it a moment after taking over), its time
   * replaces the guess, so the header and the timeline give one duration and one entry.
   */
  private void refineElections(EnvironmentStatus now) {
    for (int i = 0; i < finished.size(); i++) {
      Failover f = finished.get(i);
      Instant event = electionOf(now, f.newMaster(), f.lostAt(), f.electedAt().plusSeconds(60));
      if (event != null && !event.equals(f.electedAt())) {
        Failover refined = new Failover(f.oldMaster(), f.lostAt(), f.newMaster(), event);
        finished.set(i, refined);
        if (f.equals(failover)) {
          failover = refined;
        }
      }
    }
  }

  /** The old master's last heartbeat when the snapshot still has it, else now. */
  private static Instant lostAt(EnvironmentStatus now, String oldMaster) {
    return now.machine(oldMaster).map(MachineStatus::lastHeartbeat)
        .filter(Objects::nonNull).orElse(now.observedAt());
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * The time of core's election event for {@code master} between the loss (less a margin for
   * clocks) and {@code until}, the earliest such; null when core has recorded none yet.
   */
  private static Instant electionOf(EnvironmentStatus now, String master, Instant lost,
      Instant until) {
    return now.events().stream()
        .filter(e -> "election".equals(e.kind()) && master.equals(e.machineId()))
        .map(EventView::at)
        .filter(at -> !at.isBefore(lost.minusSeconds(5)) && !at.isAfter(until))
        .min(Comparator.naturalOrder())
        .orElse(null);
  }

  private void diff(EnvironmentStatus before, EnvironmentStatus now) {
    Map<String, MachineStatus> old = byId(before);
    Map<String, MachineStatus> current = byId(now);
    Instant at = now.observedAt();
    for (MachineStatus m : now.machines()) {
      MachineStatus was = old.get(m.id());
      if (was == null) {
        add(at, "provisioning", m.id(), "machine " + m.id() + " added"
            + (m.isController() ? " as a controller" : ""));
        continue;
      }
      changed(at, was, m);
    }
    for (MachineStatus was : before.machines()) {
      if (!current.containsKey(was.id())) {
        add(at, "removal", was.id(), "machine " + was.id() + " removed");
      }
    }
  }

  private void changed(Instant at, MachineStatus was, MachineStatus m) {
    String id = m.id();
    if (!Objects.equals(was.instanceState(), m.instanceState()) && m.instanceState() != null) {
      add(at, "provisioning", id, "machine " + id + " instance " + m.instanceState());
    }
    if (m.provisioningError() != null
        && !m.provisioningError().equals(was.provisioningError())) {
      add(at, "provisioning", id, "machine " + id + " cannot be provisioned: "
          + m.provisioningError());
    }
    if (!Objects.equals(was.agentState(), m.agentState())) {
      add(at, "down".equals(m.agentState()) ? "down" : "agent", id,
          "machine " + id + " agent " + m.agentState());
    }
    if (was.isController() && !m.isController()) {
      add(at, "removal", id, "machine " + id + " is no longer a controller");
    } else if (!was.isController() && m.isController()) {
      add(at, "provisioning", id, "machine " + id + " became a controller");
    }
    MemberStatus a = was.member();
    MemberStatus b = m.member();
    if (a != null && b != null) {
      if (a.wantsVote() && !b.wantsVote()) {
        add(at, "demotion", id, "machine " + id + " demoted: no longer wants a vote");
      } else if (!a.wantsVote() && b.wantsVote()) {
        add(at, "promotion", id, "machine " + id + " promoted: wants a vote");
      }
      if (a.hasVote() != b.hasVote()) {
        add(at, "reconfig", id, "machine " + id + (b.hasVote() ? " gained" : " lost")
            + " its vote");
      }
    }
  }

  private void trackUptimes(EnvironmentStatus now, boolean first) {
    Map<String, Uptime> next = new LinkedHashMap<>();
    for (MachineStatus m : now.machines()) {
      if (!"started".equals(m.agentState())) {
        continue;
      }
      Uptime run = uptimes.get(m.id());
      next.put(m.id(), run != null ? run : new Uptime(now.observedAt(), !first));
    }
    uptimes.clear();
    uptimes.putAll(next);
  }

  private void add(Instant at, String kind, String machineId, String message) {
    seen.addFirst(new TimelineEntry(at, kind, machineId, message, null, true));
    while (seen.size() > SEEN_KEPT) {
      seen.removeLast();
    }
  }

  private static Map<String, MachineStatus> byId(EnvironmentStatus status) {
    Map<String, MachineStatus> map = new HashMap<>();
    status.machines().forEach(m -> map.put(m.id(), m));
    return map;
  }

  /**
   * Core's history of {@code shown} and the seen changes, newest first. An election of core's
   * that ended a watched failover carries its duration; a failover core did not record (its
   * event not yet written, or none) appears as a seen election.
   */
  List<TimelineEntry> timeline(EnvironmentStatus shown) {
    List<TimelineEntry> all = new ArrayList<>(seen);
    List<Failover> unmatched = new ArrayList<>(finished);
    if (shown != null) {
      for (EventView e : shown.events()) {
        TimelineEntry entry = new TimelineEntry(e.at(), e.kind(), e.machineId(), e.message(),
            null, false);
        if ("election".equals(e.kind())) {
          for (Failover f : finished) {
            if (f.newMaster().equals(e.machineId()) && f.electedAt().equals(e.at())) {
              entry = entry.withDuration(f.duration());
              unmatched.remove(f);
            }
          }
        }
        all.add(entry);
      }
    }
    for (Failover f : unmatched) {
      all.add(new TimelineEntry(f.electedAt(), "election", f.newMaster(), "machine "
          + f.newMaster() + " became the master (was " + f.oldMaster() + ")", f.duration(),
          true));
    }
    all.sort(Comparator.comparing(TimelineEntry::at).reversed());
    return all;
  }

  private boolean inProgress() {
    return failover != null && failover.inProgress();
  }

  Failover failover() {
    return failover;
  }

  Map<String, Uptime> uptimes() {
    return Map.copyOf(uptimes);
  }
}
