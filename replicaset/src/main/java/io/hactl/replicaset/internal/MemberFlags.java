package io.hactl.replicaset.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.hactl.replicaset.MemberOptions;

/**
 * Parses {@code db-member}'s command line with mongod's flag names: {@code --port},
 * {@code --dbpath}, {@code --replSet}, {@code --keyFile}, {@code --bind_ip}, plus
 * {@code --peerPort}. Both {@code --flag value} and {@code --flag=value} are accepted.
 */
public final class MemberFlags {

    public static final String USAGE = "usage: db-member --port P --dbpath DIR --replSet NAME [--keyFile FILE]"
        + " [--bind_ip ADDR] [--peerPort P]";

    private static final List<String> KNOWN = List.of("port", "dbpath", "replSet", "keyFile", "bind_ip", "peerPort");

    private MemberFlags() {
    }

    /** Thrown for a command line that cannot be run; the message is one line for the user. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    public static MemberOptions parse(String[] args) throws UsageException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'; " + USAGE);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("--" + name + " needs a value; " + USAGE);
            }
            if (!KNOWN.contains(name)) {
                throw new UsageException("unknown flag --" + name + "; " + USAGE);
            }
            if (values.put(name, value) != null) {
                throw new UsageException("--" + name + " given twice");
            }
        }
        String dbpath = required(values, "dbpath");
        String replSet = required(values, "replSet");
        int port = values.containsKey("port") ? port(values.get("port"), "port") : 27017;
        int peerPort = values.containsKey("peerPort") ? port(values.get("peerPort"), "peerPort") : 0;
        String bindIp = values.getOrDefault("bind_ip", "127.0.0.1");
        if (bindIp.contains(",")) {
            throw new UsageException("--bind_ip takes one address here, not a list ('" + bindIp + "')");
        }
        Path keyFile = values.containsKey("keyFile") ? Path.of(values.get("keyFile")) : null;
        try {
            return new MemberOptions(bindIp, port, Path.of(dbpath), replSet, keyFile, peerPort);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String required(Map<String, String> values, String name) throws UsageException {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required; " + USAGE);
        }
        return value;
    }

    private static int port(String value, String name) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a port number 1-65535, not '" + value + "'");
        }
    }
}
