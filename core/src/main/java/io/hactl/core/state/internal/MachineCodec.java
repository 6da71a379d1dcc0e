package io.hactl.core.state.internal;

import io.hactl.core.state.Machine;
import io.hactl.plugin.api.Placement;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Maps {@link Machine} to and from its document in the {@code machines} collection. */
final class MachineCodec {

  private MachineCodec() {}

  static Document toDocument(Machine m) {
    return new Document("_id", m.id())
        .append("jobs", m.jobs())
        .append("life", m.life())
        .append("instanceId", m.instanceId())
        .append("addresses", m.addresses())
        .append("ports", new Document(new LinkedHashMap<>(m.ports())))
        .append("wantsVote", m.wantsVote())
        .append("hasVote", m.hasVote())
        .append("constraints", new Document(new LinkedHashMap<>(m.constraints())))
        .append("provisioningError", m.provisioningError())
        .append("addedAt", m.addedAt() == null ? null : Date.from(m.addedAt()))
        .append("placement", placement(m.placement()));
  }

  /** Null for anywhere, so documents of unplaced machines look as before placement existed. */
  private static Document placement(Placement placement) {
    return placement.zoneIfSet().map(zone -> new Document("zone", zone)).orElse(null);
  }

  static Machine fromDocument(Document d) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    Document portDoc = d.get("ports", new Document());
    portDoc.forEach((k, v) -> ports.put(k, ((Number) v).intValue()));
    Map<String, String> constraints = new LinkedHashMap<>();
    Document constraintDoc = d.get("constraints", new Document());
    constraintDoc.forEach((k, v) -> constraints.put(k, String.valueOf(v)));
    return new Machine(
        d.getString("_id"),
        d.getList("jobs", String.class, List.of()),
        d.get("life", Machine.ALIVE),
        d.getString("instanceId"),
        d.getList("addresses", String.class, List.of()),
        ports,
        d.getBoolean("wantsVote", false),
        d.getBoolean("hasVote", false),
        constraints,
        d.getString("provisioningError"),
        d.getDate("addedAt") == null ? null : d.getDate("addedAt").toInstant(),
        d.get("placement") instanceof Document p && p.getString("zone") != null
            ? new Placement(p.getString("zone")) : Placement.ANYWHERE);
  }
}
