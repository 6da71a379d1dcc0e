package io.hactl.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DbMemberMainTest {

    @Test
    void badFlagsPrintOneLineAndExitWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DbMemberMain.run(new String[] {"--dbpath", "/tmp/x", "--replSet", "rs0", "--smallfiles", "1"},
            new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(2);
        assertThat(message).startsWith("db-member: unknown flag --smallfiles").hasLineCount(1);
    }

    @Test
    void unreadableKeyFileStopsStartWithExitOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DbMemberMain.run(new String[] {"--dbpath", "/tmp/hactl-never", "--replSet", "rs0", "--keyFile",
            "/nonexistent/key", "--port", "1"}, new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("key file /nonexistent/key does not exist").hasLineCount(1);
    }
}
