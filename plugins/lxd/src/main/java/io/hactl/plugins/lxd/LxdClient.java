package io.hactl.plugins.lxd;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The LXD REST API 1.0 calls the provider makes, over any {@link LxdTransport}. LXD answers
 * every request with an envelope: {@code sync} (the result in {@code metadata}), {@code async}
 * (an operation to wait on) or {@code error} ({@code error} and {@code error_code}).
 */
final class LxdClient {
  /** LXD's status codes of finished operations. */
  private static final int SUCCESS = 200;

  /** One wait request asks LXD for at most this long, so that interruption is seen promptly. */
  private static final long WAIT_SLICE_SECONDS = 10;

  private final LxdTransport transport;
  private final Duration operationTimeout;

  LxdClient(LxdTransport transport, Duration operationTimeout) {
    this.transport = transport;
    this.operationTimeout = operationTimeout;
  }

  String describe() {
    return transport.describe();
  }

  /** GET of a sync resource: its {@code metadata}. */
  Object get(String path) throws IOException, InterruptedException, LxdException {
    return metadata(send("GET", path, null));
  }

  /** The instances with their config, status and devices ({@code recursion=1}). */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> instances() throws IOException, InterruptedException, LxdException {
    Object list = get("/1.0/instances?recursion=1");
    if (!(list instanceof List<?>)) {
      throw new LxdException(500, "LXD listed instances as " + describeShape(list));
    }
    return (List<Map<String, Object>>) list;
  }

  /** The instance's runtime state: status, network interfaces and their addresses. */
  @SuppressWarnings("unchecked")
  Map<String, Object> state(String name) throws IOException, InterruptedException, LxdException {
    Object state = get("/1.0/instances/" + encode(name) + "/state");
    return state instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** The instance with its config. */
  @SuppressWarnings("unchecked")
  Map<String, Object> instance(String name)
      throws IOException, InterruptedException, LxdException {
    Object instance = get("/1.0/instances/" + encode(name));
    return instance instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** Creates an instance and waits until LXD has unpacked it. */
  void create(Map<String, Object> request) throws IOException, InterruptedException, LxdException {
    runAndWait("POST", "/1.0/instances", Json.write(request));
  }

  /** Changes the instance's state ({@code start}, {@code stop}) and waits for it. */
  void changeState(String name, String action, boolean force)
      throws IOException, InterruptedException, LxdException {
    Map<String, Object> body = force
        ? Map.of("action", action, "force", true, "timeout", -1)
        : Map.of("action", action, "timeout", 30);
    runAndWait("PUT", "/1.0/instances/" + encode(name) + "/state", Json.write(body));
  }

  /** Deletes a stopped instance and waits for it. */
  void delete(String name) throws IOException, InterruptedException, LxdException {
    runAndWait("DELETE", "/1.0/instances/" + encode(name), null);
  }

  private void runAndWait(String method, String path, String body)
      throws IOException, InterruptedException, LxdException {
    Map<String, Object> envelope = send(method, path, body);
    if (!"async".equals(envelope.get("type"))) {
      return; // a sync answer means it is already done
    }
    Object operation = envelope.get("operation");
    if (!(operation instanceof String operationPath) || operationPath.isEmpty()) {
      throw new LxdException(500, "LXD accepted " + method + " " + path
          + " but named no operation to wait on");
    }
    awaitOperation(operationPath, method + " " + path);
  }

  /**
   * Waits on {@code /1.0/operations/{id}/wait} in slices until the operation ends or the
   * operation timeout passes.
   */
  @SuppressWarnings("unchecked")
  private void awaitOperation(String operationPath, String what)
      throws IOException, InterruptedException, LxdException {
    long deadline = System.nanoTime() + operationTimeout.toNanos();
    String lastStatus = "unknown";
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting for " + what);
      }
      long remaining = Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
      long slice = Math.min(remaining, WAIT_SLICE_SECONDS);
      Object metadata = metadata(send("GET", operationPath + "/wait?timeout=" + slice, null));
      Map<String, Object> op = metadata instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      int statusCode = number(op.get("status_code"));
      lastStatus = String.valueOf(op.getOrDefault("status", lastStatus));
      if (statusCode == SUCCESS) {
        return;
      }
      if (statusCode >= 400) {
        Object err = op.get("err");
        throw new LxdException(statusCode, err == null || err.toString().isEmpty()
            ? lastStatus : err.toString());
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new LxdException(504, "LXD did not finish " + what + " within "
            + operationTimeout.toSeconds() + " s (operation " + operationPath + " is "
            + lastStatus + ")");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> send(String method, String path, String body)
      throws IOException, InterruptedException, LxdException {
    LxdTransport.Response response = transport.exchange(method, path, body);
    Object parsed;
    try {
      parsed = Json.parse(response.body());
    } catch (IllegalArgumentException e) {
      throw new LxdException(response.status(), "LXD answered " + method + " " + path
          + " with HTTP " + response.status() + " and a body that is not JSON");
    }
    if (!(parsed instanceof Map<?, ?>)) {
      throw new LxdException(response.status(), "LXD answered " + method + " " + path
          + " with " + describeShape(parsed) + " instead of a response envelope");
    }
    Map<String, Object> envelope = (Map<String, Object>) parsed;
    if ("error".equals(envelope.get("type")) || response.status() >= 400) {
      int code = number(envelope.get("error_code"));
      Object error = envelope.get("error");
      throw new LxdException(code != 0 ? code : response.status(),
          error == null ? "HTTP " + response.status() : error.toString());
    }
    return envelope;
  }

  private static Object metadata(Map<String, Object> envelope) {
    return envelope.get("metadata");
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }

  private static String describeShape(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
