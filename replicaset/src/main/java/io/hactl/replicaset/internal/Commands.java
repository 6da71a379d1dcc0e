package io.hactl.replicaset.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/** Classifies client commands: which change data (and must be replicated) and which read it. */
public final class Commands {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
        "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection", "collmod");

    private static final Set<String> PRIMARY_READS = Set.of("find", "aggregate", "count", "distinct",
        "listcollections", "listindexes", "listdatabases", "dbstats", "collstats", "validate");

    private Commands() {
    }

    /** True when the command changes data; {@code aggregate} counts when it ends in {@code $out}/{@code $merge}. */
    public static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (WRITES.contains(name)) {
            return true;
        }
        if (name.equals("aggregate") && query.get("pipeline") instanceof List<?> pipeline) {
            return pipeline.stream().anyMatch(stage -> stage instanceof Document d
                && (d.containsKey("$out") || d.containsKey("$merge")));
        }
        return false;
    }

    /** True when the command reads data that only the primary is sure to have. */
    public static boolean isRead(String command) {
        return PRIMARY_READS.contains(command.toLowerCase(Locale.ROOT));
    }

    /** True when the client allows the read on a non-primary ({@code $readPreference} other than primary). */
    public static boolean secondaryOk(Document query) {
        return query.get("$readPreference") instanceof Document pref
            && pref.get("mode") instanceof String mode && !mode.equals("primary");
    }
}
