package io.hactl.plugins.maas;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bodies MAAS 2.0 answers with, shaped as MAAS's API documentation shows them. Sources, from the
 * MAAS documentation generated from {@code src/maasserver/api/machines.py}:
 *
 * <ul>
 *   <li>Machine objects: the "Machine" section's success examples ({@code machines-update},
 *       {@code machines-deploy} in {@code src/maasserver/api/examples/machines.json}) and the
 *       field list {@code DISPLAYED_MACHINE_FIELDS}: {@code system_id}, {@code hostname},
 *       {@code fqdn}, {@code status} (the {@code NODE_STATUS} number), {@code status_name},
 *       {@code power_state}, {@code zone} (an object with {@code name}), {@code ip_addresses},
 *       {@code owner_data}, {@code resource_uri} and more that hactl ignores.
 *   <li>Errors: MAAS answers them as {@code text/plain}; the 409 text of "Machines: Allocate a
 *       machine" is built by {@code MachinesHandler.allocate} ("No available machine matches
 *       constraints: ... (resolved to ...)" or "No machine available."), the 409 of
 *       "Machine: Release a machine" by {@code NodeStateViolation}, 404 is "Not Found" (the
 *       documented {@code not-found} example), 503 of "Machine: Deploy a machine" is the
 *       documented {@code no-ips} case.
 * </ul>
 */
final class MaasFixtures {
  private MaasFixtures() {}

  /** One machine object; {@code ownerData} may be empty. */
  static String machine(String systemId, String hostname, int status, String statusName,
      String powerState, List<String> ipAddresses, Map<String, String> ownerData) {
    return """
        {
          "system_id": "%1$s",
          "hostname": "%2$s",
          "fqdn": "%2$s.maas",
          "domain": {"authoritative": true, "ttl": null, "is_default": true, "name": "maas",
                     "resource_record_count": 0, "id": 0,
                     "resource_uri": "/MAAS/api/2.0/domains/0/"},
          "architecture": "amd64/generic",
          "cpu_count": 4,
          "memory": 8192,
          "storage": 240057.409536,
          "status": %3$d,
          "status_name": "%4$s",
          "status_message": "",
          "power_state": "%5$s",
          "power_type": "ipmi",
          "osystem": "ubuntu",
          "distro_series": "jammy",
          "netboot": false,
          "owner": "hactl",
          "owner_data": {%7$s},
          "tag_names": ["virtual", "ssd"],
          "ip_addresses": [%6$s],
          "zone": {"name": "zone-a", "description": "", "id": 2,
                   "resource_uri": "/MAAS/api/2.0/zones/zone-a/"},
          "pool": {"name": "default", "description": "Default pool", "id": 0,
                   "resource_uri": "/MAAS/api/2.0/resourcepool/0/"},
          "node_type": 0,
          "node_type_name": "Machine",
          "resource_uri": "/MAAS/api/2.0/machines/%1$s/"
        }
        """.formatted(systemId, hostname, status, statusName, powerState,
        ipAddresses.stream().map(ip -> "\"" + ip + "\"").collect(Collectors.joining(", ")),
        ownerData.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
            .collect(Collectors.joining(", ")));
  }

  /** As "Machines: Allocate a machine" returns it: Allocated (10), no addresses yet. */
  static String allocated(String systemId) {
    return machine(systemId, "node-" + systemId, 10, "Allocated", "off", List.of(), Map.of());
  }

  /** After "Machine: set_owner_data": still Allocated, now labelled. */
  static String labelled(String systemId, Map<String, String> ownerData) {
    return machine(systemId, "node-" + systemId, 10, "Allocated", "off", List.of(), ownerData);
  }

  /** As "Machine: Deploy a machine" returns it: Deploying (9), power on requested. */
  static String deploying(String systemId, Map<String, String> ownerData) {
    return machine(systemId, "node-" + systemId, 9, "Deploying", "on", List.of("10.20.0.7"),
        ownerData);
  }

  /** As "Machine: Release a machine" returns it: Releasing (12). */
  static String releasing(String systemId) {
    return machine(systemId, "node-" + systemId, 12, "Releasing", "on", List.of(), Map.of());
  }

  /** A JSON array of machine objects, as "Machines: List Nodes" returns. */
  static String list(String... machines) {
    return "[" + String.join(",", machines) + "]";
  }

  static final String NOT_FOUND = "Not Found";
  static final String NO_MACHINE = "No machine available.";
  static final String AUTH_ERROR = "Authorization Error: 'Invalid access token: tk'";
  static final String NO_IPS = "No more IPs available in subnet: 10.20.0.0/24.";
}
