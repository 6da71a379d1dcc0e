package io.hactl.plugins.maas;

import io.hactl.plugin.api.Constraints;
import io.hactl.plugin.api.Placement;
import io.hactl.plugin.api.ProviderException;
import java.util.List;
import java.util.Map;

/**
 * The MAAS 2.0 machine calls hactl makes, each with its errors turned into one-line messages in
 * hactl's terms. Sections cited are those of MAAS's API documentation (generated from
 * {@code src/maasserver/api/machines.py}).
 */
final class MachinesApi {
  private final MaasClient client;
  private final String endpoint;

  MachinesApi(MaasClient client, MaasSettings settings) {
    this.client = client;
    this.endpoint = settings.endpoint().toString();
  }

  /**
   * "Machines: Allocate a machine" ({@code POST machines/?op=allocate}): picks a Ready machine
   * matching every constraint and marks it Allocated to the key's user with {@code agent_name},
   * so that {@link #list} finds it again. 409 means no machine matches; 400 that a constraint
   * names something MAAS does not have (zone, tag, architecture).
   */
  MaasMachine allocate(Constraints constraints, Placement placement, String agentName,
      String comment) throws ProviderException {
    Form form = new Form();
    if (constraints.memoryMegabytes() > 0) {
      form.add("mem", Long.toString(constraints.memoryMegabytes()));
    }
    if (constraints.cores() > 0) {
      form.add("cpu_count", Integer.toString(constraints.cores()));
    }
    constraints.archIfSet().ifPresent(arch -> form.add("arch", arch));
    // One parameter per tag: MAAS requires all of them.
    constraints.tags().forEach(tag -> form.add("tags", tag));
    if (constraints.rootDiskMegabytes() > 0) {
      // MAAS's storage constraint "label:size" in GB; the first one is matched to the boot disk.
      form.add("storage", "root:" + ceilDiv(constraints.rootDiskMegabytes(), 1024));
    }
    placement.zoneIfSet().ifPresent(zone -> form.add("zone", zone));
    form.add("agent_name", agentName).add("comment", comment);
    String attempted = "allocate a machine";
    MaasResponse response = client.post("machines/", "allocate", form, attempted);
    if (response.status() == 409) {
      String wanted = describe(constraints, placement);
      throw new ProviderException((wanted.isEmpty()
          ? "no MAAS machine is available at " + endpoint
          : "no MAAS machine at " + endpoint + " matches " + wanted)
          + " (MAAS: " + response.summary() + "); free or commission a matching machine, or "
          + "relax the constraints");
    }
    if (response.status() == 400) {
      // AcquireNodeForm's validation: {"zone": ["No such zone: 'x'."]}, unknown tags or arch.
      throw new ProviderException("MAAS at " + endpoint + " refused to allocate a machine for "
          + describe(constraints, placement) + " (HTTP 400: " + response.summary()
          + "); use a zone, tags and arch that exist in MAAS");
    }
    return machine(response, attempted, null);
  }

  /**
   * "Machine: set_owner_data" ({@code POST machines/{system_id}/?op=set_owner_data}): key/value
   * labels that MAAS keeps on the machine while it is allocated and shows in {@code owner_data}.
   */
  MaasMachine setOwnerData(String systemId, Map<String, String> data) throws ProviderException {
    Form form = new Form();
    data.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(entry -> form.add(entry.getKey(), entry.getValue()));
    String attempted = "label machine " + systemId;
    return machine(client.post(machinePath(systemId), "set_owner_data", form, attempted),
        attempted, systemId);
  }

  /**
   * "Machine: Deploy a machine" ({@code POST machines/{system_id}/?op=deploy}) with base64
   * {@code user_data} (cloud-init) and an optional {@code distro_series}. 503 means MAAS found no
   * free IP address; it is retried, then reported.
   */
  MaasMachine deploy(String systemId, String userDataBase64, String distroSeries)
      throws ProviderException {
    Form form = new Form();
    if (!userDataBase64.isEmpty()) {
      form.add("user_data", userDataBase64);
    }
    if (distroSeries != null) {
      form.add("distro_series", distroSeries);
    }
    String attempted = "deploy machine " + systemId;
    return machine(client.post(machinePath(systemId), "deploy", form, attempted), attempted,
        systemId);
  }

  /**
   * "Machine: Release a machine" ({@code POST machines/{system_id}/?op=release}). MAAS answers
   * 200 for a machine already Ready or Releasing; 404 means it no longer exists.
   *
   * @return false when MAAS does not know the machine (nothing left to release)
   */
  boolean release(String systemId, String comment) throws ProviderException {
    String attempted = "release machine " + systemId;
    MaasResponse response = client.post(machinePath(systemId), "release",
        new Form().add("comment", comment), attempted);
    if (response.status() == 404) {
      return false;
    }
    if (response.status() == 409) {
      throw new ProviderException("MAAS at " + endpoint + " cannot release machine " + systemId
          + " in its current state (MAAS: " + response.summary() + "); wait for its current "
          + "operation to end, or abort it in MAAS, then stop it again");
    }
    if (!response.isSuccess()) {
      throw failure(attempted, response, systemId);
    }
    return true;
  }

  /**
   * "Machines: List Nodes matching a given criteria" ({@code GET machines/}) filtered by
   * {@code agent_name} and, when given, by system ids ({@code id}, repeated).
   */
  List<MaasMachine> list(String agentName, List<String> systemIds) throws ProviderException {
    Form query = new Form().add("agent_name", agentName);
    systemIds.forEach(id -> query.add("id", id));
    String attempted = "list the machines of agent_name " + agentName;
    MaasResponse response = client.get("machines/", query, attempted);
    if (!response.isSuccess()) {
      throw failure(attempted, response, null);
    }
    try {
      return MaasMachine.listFromJson(Json.parse(response.body()));
    } catch (IllegalArgumentException e) {
      throw unreadable(attempted, e);
    }
  }

  private MaasMachine machine(MaasResponse response, String attempted, String systemId)
      throws ProviderException {
    if (!response.isSuccess()) {
      throw failure(attempted, response, systemId);
    }
    try {
      return MaasMachine.fromJson(Json.parse(response.body()));
    } catch (IllegalArgumentException e) {
      throw unreadable(attempted, e);
    }
  }

  /** The one-line message for an answer the caller had no special meaning for. */
  private ProviderException failure(String attempted, MaasResponse response, String systemId) {
    int status = response.status();
    String said = "HTTP " + status + ": " + response.summary();
    if (status == 401 || status == 403) {
      return new ProviderException("MAAS at " + endpoint + " refused the API key when asked to "
          + attempted + " (" + said + "); check the api-key setting and that its user may "
          + "allocate and deploy machines");
    }
    if (status == 503) {
      return new ProviderException("MAAS at " + endpoint + " was busy or had no free IP "
          + "address in " + response.attempts() + " tries to " + attempted + " (" + said
          + "); try again later, or free addresses in the machine's subnet");
    }
    if (status == 404 && systemId != null) {
      return new ProviderException("MAAS machine " + systemId + " is gone (" + said
          + ") when asked to " + attempted);
    }
    return new ProviderException("MAAS at " + endpoint + " failed to " + attempted + " ("
        + said + ")");
  }

  private ProviderException unreadable(String attempted, IllegalArgumentException e) {
    return new ProviderException("MAAS at " + endpoint + " gave an answer hactl cannot read "
        + "when asked to " + attempted + ": " + e.getMessage()
        + "; check that the endpoint is a MAAS 2.x server", e);
  }

  private static String machinePath(String systemId) {
    // System ids are short [a-z0-9] strings; anything else must not bend the path.
    if (!systemId.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("not a MAAS system id: \"" + systemId + "\"");
    }
    return "machines/" + systemId + "/";
  }

  /** The constraints and zone in hactl's syntax, for messages. */
  static String describe(Constraints constraints, Placement placement) {
    String wanted = constraints.toString();
    if (placement.zoneIfSet().isPresent()) {
      wanted = (wanted.isEmpty() ? "" : wanted + " ") + "zone=" + placement.zone();
    }
    return wanted;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
