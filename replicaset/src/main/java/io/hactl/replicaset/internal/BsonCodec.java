package io.hactl.replicaset.internal;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** BSON bytes to and from mongo-java-server documents. */
public final class BsonCodec {

    private BsonCodec() {
    }

    public static byte[] encode(Document document) {
        ByteBuf buf = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buf);
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }

    public static Document decode(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            return BsonDecoder.decodeBson(buf);
        } finally {
            buf.release();
        }
    }
}
