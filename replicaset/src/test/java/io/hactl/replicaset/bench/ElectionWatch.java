package io.hactl.replicaset.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoClient;

import io.hactl.replicaset.MemberProcess;
import io.hactl.replicaset.ProcessSet;

/**
 * Asks the survivors of a kill, over connections opened beforehand, whether they are primary, as
 * often as they answer: how long the election itself took, apart from how long a driver took to
 * notice it.
 */
final class ElectionWatch implements AutoCloseable {

    private final List<MongoClient> survivors = new ArrayList<>();
    private long killedAt;

    private ElectionWatch() {
    }

    static ElectionWatch of(ProcessSet set, MemberProcess doomed) {
        ElectionWatch watch = new ElectionWatch();
        for (MemberProcess m : set.members) {
            if (m != doomed && m.alive()) {
                MongoClient client = ProcessSet.direct(m);
                client.getDatabase("admin").runCommand(new Document("ping", 1));
                watch.survivors.add(client);
            }
        }
        watch.killedAt = System.nanoTime();
        return watch;
    }

    /** Milliseconds from this watch's creation (just before the kill) until a survivor says it is primary. */
    long millisToNewPrimary(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (MongoClient c : survivors) {
                Document hello = c.getDatabase("admin").runCommand(new Document("hello", 1));
                if (Boolean.TRUE.equals(hello.getBoolean("isWritablePrimary"))) {
                    return (System.nanoTime() - killedAt) / 1_000_000;
                }
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no new primary within " + timeout);
    }

    @Override
    public void close() {
        survivors.forEach(MongoClient::close);
    }
}
