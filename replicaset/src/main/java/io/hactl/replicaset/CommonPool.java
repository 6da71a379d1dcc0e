package io.hactl.replicaset;

import java.util.concurrent.ForkJoinPool;

/**
 * The JVM's common {@link ForkJoinPool}, which must have at least two threads in a member's JVM.
 *
 * <p>Ratis hands some steps of every log append to {@code CompletableFuture}'s default executor
 * (a follower's append, for one). That executor is the common pool only when its parallelism is
 * two or more; with one (the default on a 2-core machine: cores - 1) it starts a new thread per
 * task. A follower then started ~370 threads a second under 16 writers, and three members on
 * 2 cores took 14% fewer writes (ReplicaSetBenchmark, side by side: 1768 vs 2022 writes/s).
 *
 * <p>The parallelism is read once, when the pool is first used, so a process that runs members
 * calls {@link #ensureParallelism} before anything else.
 */
public final class CommonPool {

    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    static final int MINIMUM = 2;

    private CommonPool() {
    }

    /** Asks for two threads unless the command line chose a parallelism; call it first thing in {@code main}. */
    public static void ensureParallelism() {
        if (System.getProperty(PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= MINIMUM) {
            System.setProperty(PARALLELISM, String.valueOf(MINIMUM));
        }
    }

    /** True when the pool has too few threads, for a warning to whoever embeds a member. */
    static boolean tooSmall() {
        return ForkJoinPool.getCommonPoolParallelism() < MINIMUM;
    }
}
