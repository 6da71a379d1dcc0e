package io.hactl.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * What a member process's JVM does with {@code CompletableFuture}'s default executor on a 2-core
 * machine, forced with {@code -XX:ActiveProcessorCount=2} so that it holds on any machine.
 */
class CommonPoolTest {

    @Test
    void aMemberProcessRunsAsyncTasksOnTheCommonPoolEvenWithTwoCores() throws Exception {
        assertThat(probe(DbMemberMain.class.getName())).isEqualTo("pool worker");
    }

    @Test
    void withoutItATwoCoreJvmStartsAThreadPerAsyncTask() throws Exception {
        // The control: what Ratis would get if nothing set the parallelism.
        assertThat(probe("")).isEqualTo("new thread");
    }

    @Test
    void aParallelismChosenOnTheCommandLineIsKept() throws Exception {
        assertThat(probe(DbMemberMain.class.getName(), "-D" + CommonPool.PARALLELISM + "=1")).isEqualTo("new thread");
    }

    /** Runs {@link Probe} in a 2-core JVM that first initializes {@code entryPoint} (none when empty). */
    private static String probe(String entryPoint, String... jvmFlags) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:ActiveProcessorCount=2"));
        cmd.addAll(List.of(jvmFlags));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(), entryPoint));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** Initializes the named class as the JVM would before its {@code main}, then reports where an async task ran. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            if (!args[0].isEmpty()) {
                Class.forName(args[0], true, Probe.class.getClassLoader());
            }
            Thread ranOn = CompletableFuture.supplyAsync(Thread::currentThread).get();
            System.out.println(ranOn instanceof ForkJoinWorkerThread ? "pool worker" : "new thread");
        }
    }
}
