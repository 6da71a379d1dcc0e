package io.hactl.replicaset;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

import org.bson.BsonBinaryWriter;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.Document;

/**
 * One OP_MSG at a time over a plain socket, with the flag bits a test chooses (the driver keeps
 * them to itself): for testing what the server does with {@code exhaustAllowed}.
 */
final class RawWire implements AutoCloseable {

    static final int EXHAUST_ALLOWED = 1 << 16;
    private static final int OP_MSG = 2013;

    private final Socket socket;
    private int requestIds;

    RawWire(String address, Duration replyTimeout) throws IOException {
        String[] hostPort = address.split(":");
        socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
        socket.setSoTimeout((int) replyTimeout.toMillis());
    }

    /** Sends {@code command} to the admin database and returns the one reply. */
    Document call(Document command, int flagBits) throws IOException {
        send(command, flagBits);
        return receive();
    }

    void send(Document command, int flagBits) throws IOException {
        BasicOutputBuffer body = new BasicOutputBuffer();
        new DocumentCodec().encode(new BsonBinaryWriter(body), new Document(command).append("$db", "admin"),
            EncoderContext.builder().build());
        byte[] bson = body.toByteArray();
        ByteBuffer message = ByteBuffer.allocate(16 + 4 + 1 + bson.length).order(ByteOrder.LITTLE_ENDIAN);
        message.putInt(message.capacity()).putInt(++requestIds).putInt(0).putInt(OP_MSG);
        message.putInt(flagBits).put((byte) 0).put(bson);
        OutputStream out = socket.getOutputStream();
        out.write(message.array());
        out.flush();
    }

    Document receive() throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] lengthBytes = new byte[4];
        in.readFully(lengthBytes);
        int length = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] rest = new byte[length - 4];
        in.readFully(rest);
        // header (12 bytes left of it), flag bits (4), section kind (1), then the body document
        int bodyAt = 12 + 4 + 1;
        return new RawBsonDocument(rest, bodyAt, rest.length - bodyAt).decode(new DocumentCodec());
    }

    boolean closedByServer() throws IOException {
        return socket.getInputStream().read() == -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
