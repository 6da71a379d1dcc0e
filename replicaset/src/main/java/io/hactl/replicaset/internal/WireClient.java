package io.hactl.replicaset.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The smallest MongoDB wire-protocol client: one OP_MSG command on a fresh connection. Members use
 * it to reach each other's client port while forming or growing a set (as mongod's initiate and
 * reconfig contact the other members), before any peer channel exists.
 */
public final class WireClient {

    private static final int OP_MSG = 2013;

    private WireClient() {
    }

    /**
     * Sends {@code command} to the {@code admin} database on {@code host:port} and returns the reply.
     *
     * @throws IOException when the member cannot be reached or answers something else than OP_MSG
     */
    public static Document command(String host, int port, Document command, int timeoutMillis) throws IOException {
        return command(host, port, "admin", command, timeoutMillis);
    }

    /** Sends {@code command} to {@code database} on {@code host:port} and returns the reply. */
    public static Document command(String host, int port, String database, Document command, int timeoutMillis)
        throws IOException {
        Document body = new Document(command);
        body.put("$db", database);
        byte[] bson = BsonCodec.encode(body);
        int length = 16 + 4 + 1 + bson.length;
        ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(length).putInt(1).putInt(0).putInt(OP_MSG).putInt(0).put((byte) 0).put(bson);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream os = socket.getOutputStream();
            os.write(out.array());
            os.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[16];
            in.readFully(header);
            ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            int replyLength = h.getInt();
            h.getInt();
            h.getInt();
            int opCode = h.getInt();
            if (opCode != OP_MSG || replyLength < 21 || replyLength > 48_000_000) {
                throw new IOException("unexpected reply from " + host + ":" + port + " (opCode " + opCode + ")");
            }
            byte[] rest = new byte[replyLength - 16];
            in.readFully(rest);
            // flagBits (4 bytes), section kind 0 (1 byte), then the reply document.
            byte[] doc = new byte[rest.length - 5];
            System.arraycopy(rest, 5, doc, 0, doc.length);
            return BsonCodec.decode(doc);
        }
    }
}
