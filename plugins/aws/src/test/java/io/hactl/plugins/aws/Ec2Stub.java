package io.hactl.plugins.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A tiny in-process EC2 endpoint on 127.0.0.1 that answers from a script of canned responses,
 * for what moto cannot do on demand: throttle, refuse credentials, or refuse to delete a security
 * group that is in use (moto deletes any group at once, never answering DependencyViolation).
 * Each request is answered with the next scripted response; the last one is repeated when the
 * script runs out. It records the Action of every request it saw.
 */
final class Ec2Stub implements AutoCloseable {
  /** One canned HTTP answer. */
  record Answer(int status, String body) {}

  private final HttpServer server;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<String> actions = new ArrayList<>();
  private Answer last;

  Ec2Stub(List<Answer> answers) throws IOException {
    script.addAll(answers);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized List<String> actions() {
    return List.copyOf(actions);
  }

  static Answer error(int status, String code, String message) {
    return new Answer(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors>"
        + "<Error><Code>" + code + "</Code><Message>" + message + "</Message></Error></Errors>"
        + "<RequestID>00000000-0000-0000-0000-000000000000</RequestID></Response>");
  }

  static Answer noInstances() {
    return new Answer(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
        + "<requestId>00000000-0000-0000-0000-000000000000</requestId><reservationSet/>"
        + "</DescribeInstancesResponse>");
  }

  /** DescribeSecurityGroups finding the one group {@code id} named {@code name}. */
  static Answer securityGroup(String id, String name) {
    return new Answer(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<DescribeSecurityGroupsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
        + "<requestId>00000000-0000-0000-0000-000000000000</requestId><securityGroupInfo><item>"
        + "<ownerId>123456789012</ownerId><groupId>" + id + "</groupId><groupName>" + name
        + "</groupName><groupDescription>hactl environment</groupDescription>"
        + "<vpcId>vpc-12345678</vpcId><ipPermissions/><ipPermissionsEgress/></item>"
        + "</securityGroupInfo></DescribeSecurityGroupsResponse>");
  }

  /** DescribeSecurityGroups finding nothing. */
  static Answer noSecurityGroups() {
    return new Answer(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<DescribeSecurityGroupsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
        + "<requestId>00000000-0000-0000-0000-000000000000</requestId><securityGroupInfo/>"
        + "</DescribeSecurityGroupsResponse>");
  }

  /** DeleteSecurityGroup done. */
  static Answer securityGroupDeleted() {
    return new Answer(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<DeleteSecurityGroupResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
        + "<requestId>00000000-0000-0000-0000-000000000000</requestId><return>true</return>"
        + "</DeleteSecurityGroupResponse>");
  }

  private void answer(HttpExchange exchange) throws IOException {
    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Answer answer;
    synchronized (this) {
      actions.add(action(form));
      if (!script.isEmpty()) {
        last = script.poll();
      }
      answer = last;
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/xml;charset=UTF-8");
    exchange.sendResponseHeaders(answer.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String action(String form) {
    for (String pair : form.split("&")) {
      if (pair.startsWith("Action=")) {
        return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
      }
    }
    return "?";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
