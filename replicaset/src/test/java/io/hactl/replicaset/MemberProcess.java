package io.hactl.replicaset;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code db-member} in its own JVM (the test classpath), as an agent would run it. {@link #kill}
 * is {@code kill -9}; {@link #start} again reuses the same port and data directory.
 */
public final class MemberProcess implements AutoCloseable {

    /** The flags `hactl db-member` runs a member with. */
    public static final List<String> BASE_JVM_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC");
    private static final String LISTENING = "db-member: listening on";

    private final Path dbPath;
    private final Path keyFile;
    private final int port;
    private final Path log;
    private Process process;

    public MemberProcess(Path dbPath, Path keyFile, int port) {
        this.dbPath = dbPath;
        this.keyFile = keyFile;
        this.port = port;
        this.log = dbPath.resolveSibling(dbPath.getFileName() + ".log");
    }

    /**
     * Extra JVM flags, space-separated. By default C1 only (as hactl runs its agents): on a shared
     * 2-core machine, C2 compiling for the first minute of a short-lived member costs more CPU than
     * it saves. {@code -Dhactl.member.jvmArgs=} (empty) runs members as `hactl db-member` does.
     */
    public static String extraJvmFlags() {
        return System.getProperty("hactl.member.jvmArgs", "-XX:TieredStopAtLevel=1");
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public MemberProcess start() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(BASE_JVM_FLAGS);
        for (String flag : extraJvmFlags().split(" ")) {
            if (!flag.isBlank()) {
                cmd.add(flag);
            }
        }
        cmd.addAll(List.of(
            "-Dorg.slf4j.simpleLogger.log.org.apache.ratis=" + System.getProperty("hactl.e2e.ratisLogLevel", "error"),
            "-Dorg.slf4j.simpleLogger.log.io.hactl=info", "-cp", System.getProperty("java.class.path"), DbMemberMain.class.getName(),
            "--port", String.valueOf(port), "--dbpath", dbPath.toString(), "--replSet", "rs0", "--bind_ip", "127.0.0.1"));
        if (keyFile != null) {
            cmd.addAll(List.of("--keyFile", keyFile.toString()));
        }
        // Appended, not replaced: a member restarted after a kill keeps what it said before it,
        // which is what explains a failure around the kill.
        int startsBefore = starts(logText());
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
        // Whatever happens to the test, its member JVMs do not outlive it.
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        // Generous: JVM start-up on a shared, busy 2-core machine has taken more than 30 s.
        Await.until(address() + " to listen (log " + log + ")", Duration.ofSeconds(120), this::logText,
            text -> starts(text) > startsBefore || !process.isAlive());
        if (!process.isAlive()) {
            throw new IOException("member " + address() + " exited at start: " + logText());
        }
        return this;
    }

    /** How many times the log says the member started listening. */
    private static int starts(String logText) {
        int count = 0;
        for (int at = logText.indexOf(LISTENING); at >= 0; at = logText.indexOf(LISTENING, at + 1)) {
            count++;
        }
        return count;
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** {@code kill -9}: no shutdown hook, no flush. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, as a supervisor would stop it. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** A free client port whose peer port (+10000) is free too. */
    public static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate;
            try (ServerSocket s = new ServerSocket(0)) {
                candidate = s.getLocalPort();
            }
            if (candidate > 65535 - MemberOptions.PEER_PORT_OFFSET) {
                continue;
            }
            try (ServerSocket peer = new ServerSocket(candidate + MemberOptions.PEER_PORT_OFFSET)) {
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free pair of ports (P, P+10000) found");
    }
}
