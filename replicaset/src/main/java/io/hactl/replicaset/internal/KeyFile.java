package io.hactl.replicaset.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Reads a key file with mongod's rules: 6 to 1024 base64 characters (whitespace ignored), and on
 * POSIX systems no permissions for group or others. The key itself is never logged or shown.
 */
public final class KeyFile {

    private KeyFile() {
    }

    /** Returns the key's characters as bytes; the message of any failure names the file, never the key. */
    public static byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("key file " + file + " does not exist or is not a file");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                throw new IOException("permissions on key file " + file + " are too open; run chmod 600 on it");
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check, as with mongod on Windows.
        }
        String key = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("\\s", "");
        if (key.length() < 6 || key.length() > 1024) {
            throw new IOException("key file " + file + " must hold 6 to 1024 base64 characters");
        }
        if (!key.matches("[A-Za-z0-9+/=]+")) {
            throw new IOException("key file " + file + " holds characters outside the base64 set");
        }
        return key.getBytes(StandardCharsets.US_ASCII);
    }
}
