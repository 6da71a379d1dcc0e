package io.hactl.plugins.maas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a MAAS machine object that hactl uses, as MAAS 2.0 returns them from
 * {@code GET machines/}, {@code op=allocate}, {@code op=deploy} and {@code op=set_owner_data}
 * (MAAS API documentation, "Machine" and "Machines" sections; fields listed in MAAS's
 * {@code DISPLAYED_MACHINE_FIELDS}).
 *
 * @param systemId MAAS's id of the machine, e.g. {@code 4y3h7n}
 * @param hostname its host name
 * @param status MAAS's numeric node status (e.g. 6 = Deployed), or -1 when absent
 * @param statusName MAAS's name for it (e.g. {@code Deployed})
 * @param powerState {@code on}, {@code off}, {@code unknown} or {@code error}
 * @param zone the name of the machine's zone, or empty
 * @param ipAddresses the machine's addresses as MAAS knows them
 * @param ownerData the key/value data its owner set on it
 */
record MaasMachine(
    String systemId,
    String hostname,
    int status,
    String statusName,
    String powerState,
    String zone,
    List<String> ipAddresses,
    Map<String, String> ownerData) {

  MaasMachine {
    ipAddresses = List.copyOf(ipAddresses);
    ownerData = Map.copyOf(ownerData);
  }

  /**
   * Reads one machine object.
   *
   * @throws IllegalArgumentException when it is not an object with a {@code system_id}
   */
  static MaasMachine fromJson(Object json) {
    if (!(json instanceof Map<?, ?> object) || !(object.get("system_id") instanceof String id)) {
      throw new IllegalArgumentException("not a MAAS machine object (no system_id)");
    }
    List<String> addresses = new ArrayList<>();
    if (object.get("ip_addresses") instanceof List<?> list) {
      list.stream().filter(String.class::isInstance).map(String.class::cast)
          .forEach(addresses::add);
    }
    Map<String, String> ownerData = new LinkedHashMap<>();
    if (object.get("owner_data") instanceof Map<?, ?> data) {
      data.forEach((key, value) -> {
        if (key instanceof String k && value instanceof String v) {
          ownerData.put(k, v);
        }
      });
    }
    String zone = object.get("zone") instanceof Map<?, ?> z && z.get("name") instanceof String n
        ? n : "";
    int status = object.get("status") instanceof BigDecimal number ? number.intValue() : -1;
    return new MaasMachine(id, text(object.get("hostname")), status,
        text(object.get("status_name")), text(object.get("power_state")), zone, addresses,
        ownerData);
  }

  /** Reads the array {@code GET machines/} answers. */
  static List<MaasMachine> listFromJson(Object json) {
    if (!(json instanceof List<?> list)) {
      throw new IllegalArgumentException("not a list of MAAS machines");
    }
    return list.stream().map(MaasMachine::fromJson).toList();
  }

  /** The status name MAAS gave, or one derived from the number when it gave none. */
  String describeStatus() {
    return statusName.isEmpty() ? "status " + status : statusName;
  }

  private static String text(Object value) {
    return value instanceof String s ? s : "";
  }
}
