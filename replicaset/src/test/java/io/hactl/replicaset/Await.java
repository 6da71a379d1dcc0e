package io.hactl.replicaset;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; the failure says what was awaited and seen. */
public final class Await {

    private Await() {
    }

    public static <T> T until(String what, Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while awaiting " + what, e);
            }
        }
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms awaiting " + what + "; last seen: "
            + (lastError != null ? lastError : last), lastError);
    }

    static void primary(ReplicaSetMember member) {
        until(member.address() + " to become PRIMARY", Duration.ofSeconds(15), member::state, s -> s == MemberState.PRIMARY);
    }
}
