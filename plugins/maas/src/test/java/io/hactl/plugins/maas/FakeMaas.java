package io.hactl.plugins.maas;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small MAAS region with state, on WireMock on 127.0.0.1: a pool of Ready machines that
 * {@code op=allocate} hands out when they match the constraints, {@code op=set_owner_data}
 * labels, {@code op=deploy} deploys (keeping the decoded user data), {@code op=release} returns
 * to the pool, and {@code GET machines/} lists by {@code agent_name} and {@code id}. It answers
 * with the bodies and statuses of {@link MaasFixtures} (MAAS's API documentation), refuses with
 * 401 any request not signed with its API key or reusing a nonce, and 404 for unknown machines.
 *
 * <p>Each pool machine has 8192 MB, 4 CPUs, arch amd64/generic, tags {@code virtual, ssd}, zone
 * {@code zone-a} (as {@link MaasFixtures#machine} renders it).
 */
final class FakeMaas implements ResponseDefinitionTransformerV2, AutoCloseable {
  private static final String API = "/MAAS/api/2.0/";
  private static final Pattern MACHINE_OP = Pattern.compile("machines/([a-z0-9]+)/");
  private static final Pattern OAUTH_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private static final class Machine {
    final String systemId;
    int status = StatusMapping.READY;
    String statusName = "Ready";
    String power = "off";
    String agentName = "";
    Map<String, String> ownerData = new LinkedHashMap<>();
    String userData;

    Machine(String systemId) {
      this.systemId = systemId;
    }

    String json() {
      List<String> addresses = status == StatusMapping.DEPLOYING || status == StatusMapping.DEPLOYED
          ? List.of("10.20.0." + (10 + Math.abs(systemId.hashCode() % 200))) : List.of();
      return MaasFixtures.machine(systemId, "node-" + systemId, status, statusName, power,
          addresses, ownerData);
    }
  }

  private final ApiKey key;
  private final Map<String, Machine> machines = new LinkedHashMap<>();
  private final Set<String> nonces = new HashSet<>();
  private final WireMockServer server;

  private FakeMaas(ApiKey key, int poolSize) {
    this.key = key;
    for (int i = 0; i < poolSize; i++) {
      String id = "m" + Integer.toString(36 * 36 * 36 + i * 7919, 36);
      machines.put(id, new Machine(id));
    }
    server = new WireMockServer(WireMockConfiguration.options()
        .bindAddress("127.0.0.1").dynamicPort().extensions(this));
  }

  /** Starts a fake with {@code poolSize} Ready machines that accepts only {@code apiKey}. */
  static FakeMaas start(String apiKey, int poolSize) {
    FakeMaas fake = new FakeMaas(ApiKey.parse(apiKey).orElseThrow(), poolSize);
    fake.server.start();
    fake.server.stubFor(WireMock.any(WireMock.anyUrl())
        .willReturn(WireMock.aResponse().withStatus(500).withBody("no fake answer")));
    return fake;
  }

  /** The MAAS URL to put in the {@code endpoint} setting. */
  String endpoint() {
    return "http://127.0.0.1:" + server.port() + "/MAAS";
  }

  /** The user data the machine was deployed with, decoded; null when it was not deployed. */
  synchronized String userDataOf(String systemId) {
    Machine machine = machines.get(systemId);
    return machine == null ? null : machine.userData;
  }

  /** Every machine back to Ready and unowned; no nonce remembered. */
  synchronized void reset() {
    machines.values().forEach(FakeMaas::makeReady);
    nonces.clear();
    server.resetRequests();
  }

  @Override
  public void close() {
    server.stop();
  }

  @Override
  public String getName() {
    return "fake-maas";
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    if (!signedWithTheKey(request.getHeader("Authorization"))) {
      return answer(401, MaasFixtures.AUTH_ERROR);
    }
    URI uri = URI.create(request.getUrl());
    if (!uri.getRawPath().startsWith(API)) {
      return answer(404, MaasFixtures.NOT_FOUND);
    }
    String path = uri.getRawPath().substring(API.length());
    Map<String, List<String>> query = form(uri.getRawQuery());
    String op = first(query, "op");
    if (request.getMethod().getName().equals("GET") && path.equals("machines/") && op == null) {
      return list(query);
    }
    if (!request.getMethod().getName().equals("POST") || op == null) {
      return answer(400, "Unrecognised signature: method=" + request.getMethod() + " op=" + op);
    }
    Map<String, List<String>> body = form(request.getBodyAsString());
    if (path.equals("machines/") && op.equals("allocate")) {
      return allocate(body);
    }
    Matcher matcher = MACHINE_OP.matcher(path);
    Machine machine = matcher.matches() ? machines.get(matcher.group(1)) : null;
    if (machine == null) {
      return answer(404, MaasFixtures.NOT_FOUND);
    }
    return switch (op) {
      case "set_owner_data" -> {
        body.forEach((name, values) -> machine.ownerData.put(name, values.get(0)));
        yield json(machine.json());
      }
      case "deploy" -> {
        if (machine.status != StatusMapping.ALLOCATED) {
          yield answer(409, "Can't deploy a machine that is in the '" + machine.statusName
              + "' state");
        }
        String userData = first(body, "user_data");
        machine.userData = userData == null ? "" : new String(
            Base64.getDecoder().decode(userData), StandardCharsets.UTF_8);
        machine.status = StatusMapping.DEPLOYING;
        machine.statusName = "Deploying";
        machine.power = "on";
        yield json(machine.json());
      }
      case "release" -> {
        makeReady(machine);
        yield json(machine.json());
      }
      default -> answer(400, "Unrecognised signature: method=POST op=" + op);
    };
  }

  private ResponseDefinition allocate(Map<String, List<String>> body) {
    int mem = Integer.parseInt(firstOr(body, "mem", "0"));
    int cpus = Integer.parseInt(firstOr(body, "cpu_count", "0"));
    String zone = firstOr(body, "zone", "zone-a");
    String arch = firstOr(body, "arch", "amd64");
    List<String> tags = body.getOrDefault("tags", List.of());
    // AcquireNodeForm.clean_zone / clean_tags: names MAAS does not have are a 400.
    if (!zone.equals("zone-a")) {
      return answer(400, "{\"zone\": [\"No such zone: '" + zone + "'.\"]}");
    }
    List<String> unknownTags = tags.stream()
        .filter(tag -> !List.of("virtual", "ssd").contains(tag)).toList();
    if (!unknownTags.isEmpty()) {
      return answer(400, "{\"tags\": [\"No such tag(s): " + unknownTags.stream()
          .map(tag -> "'" + tag + "'").collect(Collectors.joining(", ")) + ".\"]}");
    }
    boolean fits = mem <= 8192 && cpus <= 4 && arch.startsWith("amd64");
    Machine free = fits ? machines.values().stream()
        .filter(machine -> machine.status == StatusMapping.READY).findFirst().orElse(null) : null;
    if (free == null) {
      List<String> given = body.entrySet().stream()
          .filter(entry -> !List.of("agent_name", "comment").contains(entry.getKey()))
          .map(entry -> "('" + entry.getKey() + "', " + entry.getValue() + ")").toList();
      return answer(409, given.isEmpty() ? MaasFixtures.NO_MACHINE
          : "No available machine matches constraints: " + given);
    }
    free.status = StatusMapping.ALLOCATED;
    free.statusName = "Allocated";
    free.agentName = firstOr(body, "agent_name", "");
    return json(free.json());
  }

  private ResponseDefinition list(Map<String, List<String>> query) {
    String agentName = first(query, "agent_name");
    List<String> ids = query.getOrDefault("id", List.of());
    String listed = machines.values().stream()
        .filter(machine -> agentName == null || agentName.equals(machine.agentName))
        .filter(machine -> ids.isEmpty() || ids.contains(machine.systemId))
        .map(Machine::json)
        .collect(Collectors.joining(","));
    return json("[" + listed + "]");
  }

  private boolean signedWithTheKey(String header) {
    if (header == null || !header.startsWith("OAuth ")) {
      return false;
    }
    Map<String, String> oauth = new LinkedHashMap<>();
    Matcher matcher = OAUTH_PARAM.matcher(header);
    while (matcher.find()) {
      oauth.put(matcher.group(1), matcher.group(2));
    }
    String nonce = oauth.get("oauth_nonce");
    return "PLAINTEXT".equals(oauth.get("oauth_signature_method"))
        && key.consumerKey().equals(oauth.get("oauth_consumer_key"))
        && key.tokenKey().equals(oauth.get("oauth_token"))
        && ("%26" + key.tokenSecret()).equals(oauth.get("oauth_signature"))
        && nonce != null && nonces.add(nonce);
  }

  private static void makeReady(Machine machine) {
    machine.status = StatusMapping.READY;
    machine.statusName = "Ready";
    machine.power = "off";
    machine.agentName = "";
    machine.ownerData = new LinkedHashMap<>();
  }

  private static ResponseDefinition json(String body) {
    return WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(body).build();
  }

  private static ResponseDefinition answer(int status, String text) {
    // MAAS answers errors as plain text.
    return WireMock.aResponse().withStatus(status)
        .withHeader("Content-Type", "text/plain; charset=utf-8").withBody(text).build();
  }

  private static Map<String, List<String>> form(String encoded) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      String[] parts = pair.split("=", 2);
      values.computeIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          name -> new ArrayList<>()).add(parts.length < 2 ? ""
              : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    return values;
  }

  private static String first(Map<String, List<String>> values, String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? null : list.get(0);
  }

  private static String firstOr(Map<String, List<String>> values, String name, String fallback) {
    String value = first(values, name);
    return value == null ? fallback : value;
  }
}
