package io.hactl.replicaset.internal;

import java.util.Locale;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * Routes each client command: replica-set commands to the {@link ReplicationEngine}, writes
 * through replication, primary reads only where the primary is confirmed, everything else
 * straight to the local store.
 */
public final class CommandRouter implements MemberBackend.CommandFront {

    private final MemberBackend store;
    private final ReplicationEngine engine;
    private final HelloReply hello;

    public CommandRouter(MemberBackend store, ReplicationEngine engine, HelloReply hello) {
        this.store = store;
        this.engine = engine;
        this.hello = hello;
    }

    @Override
    public Document handle(Channel channel, String database, String command, Document query) {
        Document reply = route(channel, database, command, query);
        if (Replies.isStateChange(reply)) {
            // As mongod 4.4+ does: a driver that already knows this version (from a streamed
            // hello) treats the error as stale instead of forgetting the member and waiting for
            // its monitor, which is parked in an awaitable hello.
            reply.put("topologyVersion", engine.topology().current());
        }
        return reply;
    }

    private Document route(Channel channel, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("hello") || name.equals("ismaster")) {
            return hello.build(command, query);
        }
        if (name.equals("hactlpeerhello") || name.equals("hactljoin")) {
            return engine.peerCommand(name.equals("hactljoin") ? PeerHandshake.JOIN : PeerHandshake.HELLO, query);
        }
        if (name.startsWith("replset")) {
            if (!database.equals("admin")) {
                return Replies.error(13, "Unauthorized", command + " may only be run against the admin database");
            }
            return replSetCommand(name, command, query);
        }
        if (Commands.isWrite(command, query)) {
            // The local database is never replicated, as with mongod.
            return database.equals("local") ? store.execute(channel, database, command, query)
                : engine.write(database, command, query);
        }
        if (Commands.isRead(command) && !database.equals("local") && !Commands.secondaryOk(query)
            && !engine.confirmPrimaryForRead()) {
            return Replies.notPrimaryNoSecondaryOk();
        }
        return store.execute(channel, database, command, query);
    }

    private Document replSetCommand(String name, String command, Document query) {
        return switch (name) {
            case "replsetinitiate" -> engine.initiate(query.get(command));
            case "replsetgetstatus" -> engine.status();
            case "replsetgetconfig" -> engine.config()
                .map(c -> new Document("config", c.toDocument()).append("ok", 1.0))
                .orElseGet(Replies::notYetInitialized);
            case "replsetreconfig" -> engine.reconfig(query);
            case "replsetstepdown" -> engine.stepDown(query);
            case "replsetfreeze" -> engine.freeze(query);
            default -> Replies.error(59, "CommandNotFound", "no such command: '" + command + "'");
        };
    }
}
