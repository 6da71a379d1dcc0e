package io.hactl.replicaset.internal;

import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/**
 * mongo-java-server's wire decoder, also accepting OP_MSG's {@code exhaustAllowed} flag, which
 * drivers set on awaitable {@code hello}s and which the upstream decoder refuses by closing the
 * connection. The flag only permits the server to stream replies; this server answers each
 * request once ({@link AwaitableHello}), so the flag is cleared before decoding.
 */
final class WireDecoder extends MongoWireProtocolHandler {

    private static final int OP_CODE_OFFSET = 12;
    private static final int FLAGS_OFFSET = 16;
    private static final int OP_MSG = 2013;
    private static final int EXHAUST_ALLOWED = 1 << 16;

    @Override
    protected ClientRequest decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        int start = in.readerIndex();
        if (in.readableBytes() >= FLAGS_OFFSET + 4 && in.getIntLE(start + OP_CODE_OFFSET) == OP_MSG) {
            int flags = in.getIntLE(start + FLAGS_OFFSET);
            if ((flags & EXHAUST_ALLOWED) != 0) {
                in.setIntLE(start + FLAGS_OFFSET, flags & ~EXHAUST_ALLOWED);
            }
        }
        return super.decode(ctx, in);
    }
}
