package io.hactl.replicaset.internal;

import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/** Command replies in MongoDB's shape: {@code ok}, and {@code code}/{@code codeName}/{@code errmsg} on error. */
public final class Replies {

    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_VALUE = 2;
    public static final int FAILED_TO_PARSE = 9;
    public static final int ILLEGAL_OPERATION = 20;
    public static final int ALREADY_INITIALIZED = 23;
    public static final int EXCEEDED_TIME_LIMIT = 50;
    public static final int WRITE_CONCERN_FAILED = 64;
    public static final int INVALID_OPTIONS = 72;
    public static final int NODE_NOT_FOUND = 74;
    public static final int INVALID_REPLICA_SET_CONFIG = 93;
    public static final int NOT_YET_INITIALIZED = 94;
    public static final int NEW_REPLICA_SET_CONFIGURATION_INCOMPATIBLE = 103;
    public static final int COMMAND_NOT_SUPPORTED = 115;
    public static final int PRIMARY_STEPPED_DOWN = 189;
    public static final int NOT_WRITABLE_PRIMARY = 10107;
    public static final int NOT_PRIMARY_NO_SECONDARY_OK = 13435;
    public static final int NOT_PRIMARY_OR_SECONDARY = 13436;
    public static final int INTERRUPTED_DUE_TO_REPL_STATE_CHANGE = 11602;
    public static final int SHUTDOWN_IN_PROGRESS = 91;
    public static final int INTERRUPTED_AT_SHUTDOWN = 11600;
    public static final int LEGACY_NOT_PRIMARY = 10058;

    /** Errors by which drivers learn that a member's replica-set state changed (MongoDB's SDAM specification). */
    private static final Set<Integer> STATE_CHANGE = Set.of(NOT_WRITABLE_PRIMARY, NOT_PRIMARY_NO_SECONDARY_OK,
        NOT_PRIMARY_OR_SECONDARY, INTERRUPTED_DUE_TO_REPL_STATE_CHANGE, PRIMARY_STEPPED_DOWN, SHUTDOWN_IN_PROGRESS,
        INTERRUPTED_AT_SHUTDOWN, LEGACY_NOT_PRIMARY);

    private Replies() {
    }

    /** {@code {ok: 1}}. */
    public static Document ok() {
        return new Document("ok", 1.0);
    }

    /** An error reply as mongod sends it. */
    public static Document error(int code, String codeName, String message) {
        Document reply = new Document();
        reply.put("ok", 0.0);
        reply.put("errmsg", message);
        reply.put("code", code);
        reply.put("codeName", codeName);
        return reply;
    }

    public static Document notWritablePrimary() {
        return error(NOT_WRITABLE_PRIMARY, "NotWritablePrimary", "not primary");
    }

    public static Document notPrimaryNoSecondaryOk() {
        return error(NOT_PRIMARY_NO_SECONDARY_OK, "NotPrimaryNoSecondaryOk", "not primary and secondaryOk=false");
    }

    public static Document notYetInitialized() {
        return error(NOT_YET_INITIALIZED, "NotYetInitialized",
            "no replset config has been received; run replSetInitiate first");
    }

    public static Document invalidConfig(String message) {
        return error(INVALID_REPLICA_SET_CONFIG, "InvalidReplicaSetConfig", message);
    }

    /** True when the reply is an error that tells a driver this member's state changed. */
    public static boolean isStateChange(Document reply) {
        return !isOk(reply) && reply.get("code") instanceof Integer code && STATE_CHANGE.contains(code);
    }

    /** True when the reply reports success. */
    public static boolean isOk(Document reply) {
        Object ok = reply.get("ok");
        return ok instanceof Number n && n.doubleValue() == 1.0;
    }
}
