package io.hactl.replicaset.internal;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Answers an awaitable {@code hello} (one carrying the driver's {@code topologyVersion} and
 * {@code maxAwaitTimeMS}, as MongoDB 4.4+ drivers send from their monitors) when this member's
 * {@link TopologyVersion} moves on, or when the wait runs out, whichever comes first. Every other
 * request passes through untouched.
 *
 * <p>The wait never holds an event-loop thread: the reply is written later from the channel's
 * event loop. It is always a single reply (never {@code moreToCome}), which the protocol allows,
 * so the driver simply asks again.
 */
final class AwaitableHello extends ChannelInboundHandlerAdapter {

    private static final int BAD_VALUE = 2;
    /** mongod's code for a client whose topologyVersion is ahead of the server's (same process). */
    private static final int TOPOLOGY_VERSION_AHEAD = 51761;
    private static final AtomicInteger REPLY_IDS = new AtomicInteger();

    private final TopologyVersion topology;
    private final MongoBackend backend;

    AwaitableHello(TopologyVersion topology, MongoBackend backend) {
        this.topology = topology;
        this.backend = backend;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MongoMessage request && isAwaitable(request.getDocument())) {
            await(ctx, request);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    static boolean isAwaitable(Document query) {
        if (query.isEmpty()) {
            return false;
        }
        String command = query.keySet().iterator().next().toLowerCase(Locale.ROOT);
        return (command.equals("hello") || command.equals("ismaster"))
            && query.containsKey("topologyVersion") && query.containsKey("maxAwaitTimeMS");
    }

    private void await(ChannelHandlerContext ctx, MongoMessage request) {
        Document query = request.getDocument();
        if (!(query.get("maxAwaitTimeMS") instanceof Number wait) || wait.longValue() < 0) {
            write(ctx, request, Replies.error(BAD_VALUE, "BadValue", "maxAwaitTimeMS must be a non-negative integer"));
            return;
        }
        if (!(query.get("topologyVersion") instanceof Document clientVersion)) {
            write(ctx, request, Replies.error(BAD_VALUE, "BadValue", "topologyVersion must be a document"));
            return;
        }
        switch (topology.compare(clientVersion)) {
            case STALE -> answer(ctx, request);
            case AHEAD -> write(ctx, request, Replies.error(TOPOLOGY_VERSION_AHEAD, "Location" + TOPOLOGY_VERSION_AHEAD,
                "topologyVersion counter " + clientVersion.get("counter") + " is ahead of this server's; reconnect"));
            case CURRENT -> {
                Runnable onChange = () -> ctx.executor().execute(() -> answer(ctx, request));
                // No listener on the channel's close: one per hello would pile up on a monitor's
                // long-lived connection. A closed channel's waiter ends with its timeout anyway.
                ctx.executor().schedule(() -> {
                    if (topology.cancel(onChange)) {
                        answer(ctx, request);
                    }
                }, wait.longValue(), TimeUnit.MILLISECONDS);
                topology.awaitChange(((Number) clientVersion.get("counter")).longValue(), onChange);
            }
        }
    }

    /** The hello reply as of now, built where every other command's reply is. */
    private void answer(ChannelHandlerContext ctx, MongoMessage request) {
        Document query = request.getDocument();
        write(ctx, request, backend.handleCommand(ctx.channel(), request.getDatabaseName(),
            query.keySet().iterator().next(), query));
    }

    private static void write(ChannelHandlerContext ctx, MongoMessage request, Document reply) {
        MessageHeader header = new MessageHeader(REPLY_IDS.incrementAndGet(), request.getHeader().getRequestID());
        ctx.channel().writeAndFlush(new MongoMessage(ctx.channel(), header, reply));
    }
}
