package io.hactl.replicaset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Writes mongod-style key files (base64, mode 0600) for tests. */
public final class KeyFiles {

    private KeyFiles() {
    }

    public static Path create(Path dir, String name) throws IOException {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        Path file = dir.resolve(name);
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
