package io.hactl.e2e.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.hactl.core.HactlException;
import io.hactl.core.logs.LogBacklog;
import io.hactl.core.logs.LogFilter;
import io.hactl.core.logs.LogForwarder;
import io.hactl.core.logs.LogLevel;
import io.hactl.core.logs.LogRecord;
import io.hactl.core.logs.LogRequest;
import io.hactl.core.logs.LogStore;
import io.hactl.core.logs.LogSubscription;
import io.hactl.core.logs.internal.DefaultLogService;
import io.hactl.core.logs.internal.LogSource;
import io.hactl.core.state.LogStores;
import io.hactl.core.state.StateEndpoint;
import io.hactl.core.state.StateException;
import io.hactl.core.state.StateStore;
import io.hactl.core.state.StateStores;
import io.hactl.replicaset.MemberOptions;
import io.hactl.replicaset.MemberState;
import io.hactl.replicaset.ReplicaSetMember;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;

/**
 * Figures for the replicated log, on a replica set of three embedded members (the members
 * controllers run) started in this JVM on loopback (not a test; run after {@code mvn install}):
 *
 * <ol>
 *   <li>latency from an agent's log call (a {@link LogForwarder}, as agents use) to the record
 *       returned by a following subscription (what {@code hactl debug-log} prints), reading from
 *       a secondary, p50 and p90;
 *   <li>ingest rate of 10 agents' forwarders logging flat out, median of one-second windows;
 *   <li>HA writes (heartbeats, which go through the replica set like every state write) per
 *       second alone and during that ingest, and their ratio.
 * </ol>
 *
 * <p>{@code java -cp <e2e test classpath> io.hactl.e2e.bench.DebugLogBenchmark}
 */
public final class DebugLogBenchmark {

  private static final int LATENCY_SAMPLES = 100;
  private static final int AGENTS = 10;
  private static final Duration PHASE = Duration.ofSeconds(10);
  private static final String SET = "bench-logs";

  private DebugLogBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = Files.createTempDirectory("hactl-log-bench");
    List<ReplicaSetMember> members = new ArrayList<>();
    try {
      for (int port : freePorts(3)) {
        members.add(ReplicaSetMember.start(MemberOptions.of("127.0.0.1", port,
            data.resolve("m" + port), SET)));
      }
      List<String> addresses = members.stream().map(ReplicaSetMember::address).toList();
      initiate(addresses);
      StateEndpoint endpoint = new StateEndpoint(addresses, SET, Duration.ofSeconds(10));
      awaitPrimary(members);
      run(endpoint, members);
    } finally {
      members.forEach(ReplicaSetMember::close);
    }
  }

  private static void run(StateEndpoint endpoint, List<ReplicaSetMember> members)
      throws Exception {
    ReplicaSetMember secondary = members.stream()
        .filter(m -> m.state() != MemberState.PRIMARY).findFirst().orElseThrow();
    List<Long> latencies = latency(endpoint, secondary.address());
    System.out.printf("log record visible to a following reader (on a secondary): p50 %d ms,"
        + " p90 %d ms (%d samples)%n", percentile(latencies, 50), percentile(latencies, 90),
        latencies.size());

    double alone = haWritesPerSecond(endpoint, PHASE);
    System.out.printf("HA writes alone: %.0f/s%n", alone);
    for (int perAgent : new int[] {1000, 0}) {
      AtomicBoolean stop = new AtomicBoolean();
      List<Double> windows = Collections.synchronizedList(new ArrayList<>());
      Thread ingest = new Thread(() -> ingest(endpoint, perAgent, stop, windows), "ingest");
      ingest.start();
      Thread.sleep(2000);
      double loaded = haWritesPerSecond(endpoint, PHASE);
      stop.set(true);
      ingest.join();
      List<Double> sorted = new ArrayList<>(windows);
      Collections.sort(sorted);
      System.out.printf("%s from %d agents into 3 members: median %.0f records/s over %d"
          + " one-second windows (min %.0f, max %.0f); HA writes meanwhile %.0f/s, %.0f%% of"
          + " the rate alone%n",
          perAgent == 0 ? "ingest flat out" : "offered " + perAgent * AGENTS + " records/s",
          AGENTS, sorted.get(sorted.size() / 2), sorted.size(), sorted.get(0),
          sorted.get(sorted.size() - 1), loaded, 100 * loaded / alone);
    }
  }

  /**
   * A forwarder logs a numbered record every 100 ms; a subscription like debug-log's follows
   * from a secondary, polling as debug-log does.
   */
  private static List<Long> latency(StateEndpoint endpoint, String readFrom) throws Exception {
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    LogSource source = new LogSource() {
      @Override
      public List<Member> members() {
        return List.of(new Member("1", readFrom));
      }

      @Override
      public LogStore open(Member member) {
        return LogStores.connectMember(member.address(), Duration.ofSeconds(3));
      }
    };
    AtomicBoolean stop = new AtomicBoolean();
    LogSubscription subscription = new DefaultLogService(source, new Random(1)).subscribe(
        new LogRequest(new LogFilter(List.of("bench-latency"), List.of(), List.of(), List.of(),
            LogLevel.TRACE), LogBacklog.none(), null));
    subscription.poll(Duration.ZERO);
    Thread follower = new Thread(() -> {
      while (!stop.get()) {
        try {
          for (LogRecord record : subscription.poll(Duration.ofMillis(500)).records()) {
            Long sent = sentAt.get(record.message());
            if (sent != null) {
              latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
            }
          }
        } catch (HactlException e) {
          System.err.println("follower: " + e.getMessage());
        }
      }
    }, "follower");
    follower.start();
    try (LogStore store = LogStores.connect(endpoint)) {
      LogForwarder forwarder = new LogForwarder(1000, Clock.systemUTC(), System.err::println);
      forwarder.start("bench-latency", store);
      for (int i = 0; i < LATENCY_SAMPLES + 10; i++) {
        String message = "latency probe " + i;
        sentAt.put(message, System.nanoTime());
        forwarder.accept(Instant.now(), "bench", LogLevel.INFO, message, "");
        Thread.sleep(100);
      }
      Thread.sleep(2000);
      forwarder.close();
    } finally {
      stop.set(true);
      follower.join();
      subscription.close();
    }
    List<Long> result = new ArrayList<>(latencies);
    // The first few include connections being opened and code warming up.
    return result.subList(Math.min(10, result.size()), result.size());
  }

  /**
   * Ten agents' forwarders on connections of their own, each fed {@code perAgent} records a
   * second (0: as many as its buffer takes).
   */
  private static void ingest(StateEndpoint endpoint, int perAgent, AtomicBoolean stop,
      List<Double> windows) {
    List<LogStore> stores = new ArrayList<>();
    List<LogForwarder> forwarders = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      LogStore store = LogStores.connect(endpoint);
      LogForwarder forwarder = new LogForwarder(LogForwarder.DEFAULT_CAPACITY,
          Clock.systemUTC(), w -> { });
      forwarder.start("bench-agent-" + i, store);
      stores.add(store);
      forwarders.add(forwarder);
    }
    List<Thread> producers = new ArrayList<>();
    for (LogForwarder forwarder : forwarders) {
      Thread producer = new Thread(() -> {
        long n = 0;
        long started = System.nanoTime();
        while (!stop.get()) {
          if (perAgent > 0) {
            long due = (System.nanoTime() - started) * perAgent / 1_000_000_000L;
            if (n >= due) {
              sleep(1);
              continue;
            }
          }
          if (forwarder.pending() < 5000) {
            forwarder.accept(Instant.now(), "io.hactl.bench.Ingest", LogLevel.INFO,
                "ingest record " + n++ + " with a message of a typical length for an agent",
                "Ingest.java:1");
          } else {
            // A full buffer: wait like a logger whose records are being dropped would not, but
            // without burning the CPU the members need.
            sleep(1);
          }
        }
      });
      producer.setDaemon(true);
      producer.start();
      producers.add(producer);
    }
    long last = sent(forwarders);
    long lastAt = System.nanoTime();
    while (!stop.get()) {
      sleep(1000);
      long now = System.nanoTime();
      long total = sent(forwarders);
      windows.add((total - last) * 1e9 / (now - lastAt));
      last = total;
      lastAt = now;
    }
    forwarders.forEach(f -> f.close(Duration.ofSeconds(1)));
    stores.forEach(LogStore::close);
  }

  private static long sent(List<LogForwarder> forwarders) {
    return forwarders.stream().mapToLong(LogForwarder::sent).sum();
  }

  /** Sequential heartbeats of a machine that does not exist, as fast as they are acknowledged. */
  private static double haWritesPerSecond(StateEndpoint endpoint, Duration phase) {
    try (StateStore state = StateStores.connect(endpoint)) {
      state.heartbeat("bench", Instant.now());
      long start = System.nanoTime();
      long end = start + phase.toNanos();
      long writes = 0;
      while (System.nanoTime() < end) {
        try {
          state.heartbeat("bench", Instant.now());
          writes++;
        } catch (StateException e) {
          System.err.println("heartbeat failed: " + e.getMessage());
        }
      }
      return writes * 1e9 / (System.nanoTime() - start);
    }
  }

  /** {@code replSetInitiate} with every member voting, as the replica set's README shows. */
  private static void initiate(List<String> addresses) {
    List<Document> config = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      config.add(new Document("_id", i).append("host", addresses.get(i)));
    }
    try (MongoClient direct = MongoClients.create("mongodb://" + addresses.get(0)
        + "/?directConnection=true")) {
      direct.getDatabase("admin").runCommand(new Document("replSetInitiate",
          new Document("_id", SET).append("version", 1).append("members", config)));
    }
  }

  private static void awaitPrimary(List<ReplicaSetMember> members) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (members.stream().noneMatch(m -> m.state() == MemberState.PRIMARY)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no primary within 60 s");
      }
      sleep(100);
    }
  }

  /** Loopback ports free for a member: its client port and its peer port (+10000). */
  private static List<Integer> freePorts(int count) throws IOException {
    List<Integer> ports = new ArrayList<>();
    for (int port = 21000 + new Random().nextInt(9000); ports.size() < count; port += 7) {
      if (free(port) && free(port + MemberOptions.PEER_PORT_OFFSET)) {
        ports.add(port);
      }
    }
    return ports;
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
