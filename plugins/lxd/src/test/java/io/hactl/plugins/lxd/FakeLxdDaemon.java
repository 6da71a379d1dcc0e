package io.hactl.plugins.lxd;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake LXD daemon for unit tests, NOT LXD: it listens on a real unix socket (a temp path) and
 * answers the handful of REST API 1.0 requests the provider makes with LXD-shaped envelopes
 * (sync, async with operations, error), keeping containers in memory. Containers that start get
 * an address on 10.77.10.0/24 at once; nothing is ever sent anywhere. Errors are injected per
 * request; every request is recorded for assertions.
 */
final class FakeLxdDaemon implements AutoCloseable {
  private static final Pattern INSTANCE = Pattern.compile("/1\\.0/instances/([^/?]+)(/state)?");
  private static final Pattern WAIT = Pattern.compile("/1\\.0/operations/([^/?]+)/wait.*");

  /** One recorded request. */
  record Request(String method, String path, String body) {}

  private record Injected(String method, String pathPrefix, int code, String error,
      boolean asOperationFailure) {}

  private final Path socket;
  private final ServerSocketChannel server;
  private final Thread acceptor;
  private final Map<String, Map<String, Object>> instances = new ConcurrentHashMap<>();
  private final Map<String, String> addresses = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> operations = new ConcurrentHashMap<>();
  private final Set<String> aliases = ConcurrentHashMap.newKeySet();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Injected> injected = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger nextHost = new AtomicInteger(10);
  private volatile boolean cloudInitExtension = true;
  private volatile boolean operationsNeverFinish;

  FakeLxdDaemon(Path socket) throws IOException {
    this.socket = socket;
    Files.deleteIfExists(socket);
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    aliases.add("hactl-bookworm");
    acceptor = new Thread(this::acceptLoop, "fake-lxd");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  Path socket() {
    return socket;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The stored config of a container, as LXD would show it. */
  @SuppressWarnings("unchecked")
  Map<String, Object> config(String name) {
    return (Map<String, Object>) instances.get(name).get("config");
  }

  boolean has(String name) {
    return instances.containsKey(name);
  }

  String status(String name) {
    return String.valueOf(instances.get(name).get("status"));
  }

  void addAlias(String alias) {
    aliases.add(alias);
  }

  void removeAlias(String alias) {
    aliases.remove(alias);
  }

  void withoutCloudInitExtension() {
    cloudInitExtension = false;
  }

  void operationsNeverFinish() {
    operationsNeverFinish = true;
  }

  /** The next request matching method and path prefix answers with an LXD error. */
  void failNext(String method, String pathPrefix, int code, String error) {
    injected.add(new Injected(method, pathPrefix, code, error, false));
  }

  /** The next matching request is accepted, but its operation ends in failure. */
  void failOperation(String method, String pathPrefix, String error) {
    injected.add(new Injected(method, pathPrefix, 400, error, true));
  }

  /** Adds a container as if created by someone else (another environment, or by hand). */
  void addInstance(String name, String status, Map<String, Object> config) {
    Map<String, Object> instance = new LinkedHashMap<>();
    instance.put("name", name);
    instance.put("status", status);
    instance.put("config", new LinkedHashMap<>(config));
    instance.put("location", "none");
    instances.put(name, instance);
    if ("Running".equals(status)) {
      addresses.put(name, "10.77.10." + nextHost.getAndIncrement());
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    acceptor.interrupt();
    Files.deleteIfExists(socket);
  }

  private void acceptLoop() {
    while (server.isOpen()) {
      try (SocketChannel channel = server.accept()) {
        serve(Channels.newInputStream(channel), Channels.newOutputStream(channel));
      } catch (IOException e) {
        // closed, or a client hung up: the next accept decides
      }
    }
  }

  private void serve(InputStream in, OutputStream out) throws IOException {
    String[] line = HttpMessages.line(in).split(" ");
    Map<String, String> headers = HttpMessages.headers(in);
    String body = headers.containsKey("content-length")
        ? new String(HttpMessages.exactly(in, HttpMessages.parseLength(
            headers.get("content-length"))), StandardCharsets.UTF_8)
        : null;
    String method = line[0];
    String path = line[1];
    requests.add(new Request(method, path, body));
    Reply reply = route(method, path, body);
    respond(out, reply);
  }

  private record Reply(int status, Map<String, Object> envelope, boolean chunked) {}

  private Reply route(String method, String path, String body) {
    for (Injected injection : injected) {
      if (injection.method().equals(method) && path.startsWith(injection.pathPrefix())) {
        injected.remove(injection);
        if (injection.asOperationFailure()) {
          return async(operation(400, "Failure", injection.error()));
        }
        return error(injection.code(), injection.error());
      }
    }
    if (method.equals("GET") && path.equals("/1.0")) {
      return sync(Map.of("api_extensions", cloudInitExtension
          ? List.of("instances", "cloud_init") : List.of("instances"),
          "environment", Map.of("architectures", List.of("x86_64", "i686"))));
    }
    if (method.equals("GET") && path.startsWith("/1.0/instances?")) {
      return new Reply(200, envelope(new ArrayList<>(instances.values())), true);
    }
    if (method.equals("POST") && path.equals("/1.0/instances")) {
      return create(body);
    }
    Matcher wait = WAIT.matcher(path);
    if (method.equals("GET") && wait.matches()) {
      Map<String, Object> op = operations.get(wait.group(1));
      if (op == null) {
        return error(404, "Operation not found");
      }
      if ("Running".equals(op.get("status"))) {
        pauseAsLxdWaitDoes();
      }
      return sync(op);
    }
    Matcher instance = INSTANCE.matcher(path);
    if (instance.matches()) {
      String name = instance.group(1);
      Map<String, Object> found = instances.get(name);
      if (found == null) {
        return error(404, "Instance not found");
      }
      boolean state = instance.group(2) != null;
      if (method.equals("GET") && !state) {
        return sync(found);
      }
      if (method.equals("GET")) {
        return sync(stateOf(name, found));
      }
      if (method.equals("PUT") && state) {
        return changeState(name, found, (Map<?, ?>) Json.parse(body));
      }
      if (method.equals("DELETE")) {
        if ("Running".equals(found.get("status"))) {
          return async(operation(400, "Failure", "Instance is running"));
        }
        instances.remove(name);
        return async(operation(200, "Success", ""));
      }
    }
    return error(404, "not found");
  }

  @SuppressWarnings("unchecked")
  private Reply create(String body) {
    Map<String, Object> request = (Map<String, Object>) Json.parse(body);
    String name = (String) request.get("name");
    Map<String, Object> source = (Map<String, Object>) request.get("source");
    if (!aliases.contains(source.get("alias"))) {
      return error(404, "Image alias not found");
    }
    if (instances.containsKey(name)) {
      return error(409, "Instance \"" + name + "\" already exists");
    }
    Map<String, Object> instance = new LinkedHashMap<>();
    instance.put("name", name);
    instance.put("status", "Stopped");
    instance.put("config", request.get("config"));
    instance.put("profiles", request.get("profiles"));
    instance.put("devices", request.getOrDefault("devices", Map.of()));
    instance.put("location", "none");
    instances.put(name, instance);
    return async(operation(200, "Success", ""));
  }

  private Reply changeState(String name, Map<String, Object> found, Map<?, ?> request) {
    String action = String.valueOf(request.get("action"));
    if (action.equals("start")) {
      found.put("status", "Running");
      addresses.put(name, "10.77.10." + nextHost.getAndIncrement());
    } else if (action.equals("stop")) {
      if ("Stopped".equals(found.get("status"))) {
        return error(400, "The instance is already stopped");
      }
      found.put("status", "Stopped");
      addresses.remove(name);
    }
    return async(operation(200, "Success", ""));
  }

  /** LXD holds a wait on an unfinished operation up to its timeout; a short hold will do. */
  private static void pauseAsLxdWaitDoes() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Map<String, Object> stateOf(String name, Map<String, Object> found) {
    List<Object> eth0 = new ArrayList<>();
    String address = addresses.get(name);
    if (address != null) {
      eth0.add(Map.of("family", "inet6", "address", "fe80::1", "netmask", "64",
          "scope", "link"));
      eth0.add(Map.of("family", "inet", "address", address, "netmask", "24",
          "scope", "global"));
    }
    return Map.of("status", found.get("status"), "network", Map.of(
        "lo", Map.of("addresses", List.of(Map.of("family", "inet", "address", "127.0.0.1"))),
        "eth0", Map.of("addresses", eth0)));
  }

  private Map<String, Object> operation(int statusCode, String status, String err) {
    String id = "op-" + ids.incrementAndGet();
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("id", id);
    op.put("status", operationsNeverFinish ? "Running" : status);
    op.put("status_code", operationsNeverFinish ? 103 : statusCode);
    op.put("err", operationsNeverFinish ? "" : err);
    operations.put(id, op);
    return op;
  }

  private static Reply sync(Object metadata) {
    return new Reply(200, envelope(metadata), false);
  }

  private static Map<String, Object> envelope(Object metadata) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", "sync");
    envelope.put("status", "Success");
    envelope.put("status_code", 200);
    envelope.put("metadata", metadata);
    return envelope;
  }

  private static Reply async(Map<String, Object> op) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", "async");
    envelope.put("status", "Operation created");
    envelope.put("status_code", 100);
    envelope.put("operation", "/1.0/operations/" + op.get("id"));
    envelope.put("metadata", op);
    return new Reply(202, envelope, false);
  }

  private static Reply error(int code, String message) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", "error");
    envelope.put("error", message);
    envelope.put("error_code", code);
    return new Reply(code, envelope, false);
  }

  /** Sends list responses chunked, as LXD (Go's net/http) does for large bodies. */
  private static void respond(OutputStream out, Reply reply) throws IOException {
    byte[] body = Json.write(reply.envelope()).getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder("HTTP/1.1 " + reply.status() + " X\r\n"
        + "Content-Type: application/json\r\n");
    if (reply.chunked()) {
      head.append("Transfer-Encoding: chunked\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      int half = body.length / 2;
      writeChunk(out, body, 0, half);
      writeChunk(out, body, half, body.length - half);
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    } else {
      head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
    }
    out.flush();
  }

  private static void writeChunk(OutputStream out, byte[] body, int offset, int length)
      throws IOException {
    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body, offset, length);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }
}
