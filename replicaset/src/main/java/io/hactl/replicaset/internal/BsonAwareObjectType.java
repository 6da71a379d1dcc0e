package io.hactl.replicaset.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * H2's {@link ObjectDataType} (same order, same handling of every other value), except that
 * documents, ObjectIds and index keys ({@link KeyValue}) are stored as BSON instead of through
 * Java serialization, which H2 falls back to for types it does not know: a stream with class
 * descriptors for every value, the main cost of each store commit in a profile.
 *
 * <p>Each such value starts with a tag byte that {@code ObjectDataType} never writes (it uses
 * 0-119), so values written before this type, by {@code ObjectDataType} itself, still read.
 */
class BsonAwareObjectType extends ObjectDataType {

    static final BsonAwareObjectType INSTANCE = new BsonAwareObjectType();

    private static final byte DOCUMENT = (byte) 0xD0;
    private static final byte OBJECT_ID = (byte) 0xD1;
    /** A {@link KeyValue} as the document {@code {k: [values]}}. */
    private static final byte KEY = (byte) 0xD2;
    private static final String KEY_VALUES = "k";
    private static final int OBJECT_ID_BYTES = 12;

    /** An encoding buffer is reused per thread unless a large document made it larger than this. */
    private static final int KEPT_BUFFER_BYTES = 64 * 1024;
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(256));

    BsonAwareObjectType() {
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof Document document) {
            writeBson(buff, DOCUMENT, document);
        } else if (obj instanceof KeyValue key && encodable(key)) {
            List<Object> values = new ArrayList<>(key.size());
            key.forEach(values::add);
            writeBson(buff, KEY, new Document(KEY_VALUES, values));
        } else if (obj instanceof ObjectId id) {
            buff.put(OBJECT_ID);
            buff.put(id.toByteArray());
        } else {
            super.write(buff, obj);
        }
    }

    private static void writeBson(WriteBuffer buff, byte tag, Document document) {
        ByteBuf bson = ENCODING.get().clear();
        BsonEncoder.encodeDocument(document, bson);
        buff.put(tag);
        buff.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        if (bson.capacity() > KEPT_BUFFER_BYTES) {
            ENCODING.remove();
        }
    }

    /** A key of a sparse or partial index may hold {@link Missing}, which BSON cannot say: such keys stay as before. */
    private static boolean encodable(KeyValue key) {
        for (Object value : key) {
            if (value instanceof Missing) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object read(ByteBuffer buff) {
        byte tag = buff.get(buff.position());
        if (tag == DOCUMENT) {
            buff.get();
            return readBson(buff);
        }
        if (tag == KEY) {
            buff.get();
            return new KeyValue((List<?>) readBson(buff).get(KEY_VALUES));
        }
        if (tag == OBJECT_ID) {
            buff.get();
            byte[] id = new byte[OBJECT_ID_BYTES];
            buff.get(id);
            return new ObjectId(id);
        }
        return super.read(buff);
    }

    private static Document readBson(ByteBuffer buff) {
        int length = buff.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bson = buff.slice().limit(length);
        buff.position(buff.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** The cache's estimate of a value's heap size; walked rather than encoded, since it is asked often. */
    @Override
    public int getMemory(Object obj) {
        if (obj instanceof Document || obj instanceof ObjectId || obj instanceof KeyValue) {
            return estimate(obj);
        }
        return super.getMemory(obj);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                size += 48 + 2 * String.valueOf(e.getKey()).length() + estimate(e.getValue());
            }
            return size;
        }
        if (value instanceof Iterable<?> list) {
            int size = 40;
            for (Object element : list) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof CharSequence text) {
            return 48 + text.length();
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return 32;
    }
}
