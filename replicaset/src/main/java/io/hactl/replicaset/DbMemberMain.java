package io.hactl.replicaset;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

import io.hactl.replicaset.internal.MemberFlags;

/**
 * {@code db-member}: runs one replica-set member in the foreground until SIGTERM, with mongod's
 * flags: {@code --port P --dbpath DIR --replSet NAME --keyFile FILE --bind_ip ADDR [--peerPort P]}.
 * Peer traffic uses {@code --peerPort}, by default the client port + 10000.
 * Exit codes: 0 after a clean stop, 1 when the member cannot start, 2 for bad flags.
 */
public final class DbMemberMain {

    static {
        CommonPool.ensureParallelism();
    }

    private DbMemberMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Parses the flags, starts the member and blocks until the JVM is asked to stop.
     *
     * @return 1 when the member could not start, 2 for bad flags (nothing is started then)
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        MemberOptions options;
        try {
            options = MemberFlags.parse(args);
        } catch (MemberFlags.UsageException e) {
            err.println("db-member: " + e.getMessage());
            return 2;
        }
        ReplicaSetMember member;
        try {
            member = ReplicaSetMember.start(options);
        } catch (IOException | RuntimeException e) {
            err.println("db-member: cannot start member: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            member.close();
            stopped.countDown();
        }, "db-member-shutdown"));
        out.println("db-member: listening on " + member.address() + " (replica set " + options.replSetName()
            + ", peer port " + options.resolvePeerPort(member.port()) + ")");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
