package io.hactl.replicaset.internal;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;

/**
 * The member's storage: mongo-java-server's H2 (MVStore file) backend (with faster unique indexes,
 * {@link MemberDatabase}), with every client command
 * first offered to a {@link CommandFront} (replica-set commands, primary checks, replication).
 *
 * <p>{@link #execute} runs a command on the local store and turns every failure into an error
 * reply: the replicated apply path relies on it never throwing.
 */
public final class MemberBackend extends H2Backend {

    /** Sees every client command before the storage engine does. */
    public interface CommandFront {
        Document handle(Channel channel, String database, String command, Document query);
    }

    private volatile CommandFront front;

    /**
     * Opens the store with automatic commits off: the replicated state machine commits explicitly,
     * so that data and its "last applied" marker always reach the disk together.
     */
    public MemberBackend(String file) {
        super(new MVStore.Builder().fileName(file).autoCommitDisabled().open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return MemberDatabase.open(databaseName, getMvStore(), getCursorRegistry());
    }

    public void setFront(CommandFront front) {
        this.front = front;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        CommandFront current = front;
        if (current == null) {
            return Replies.error(Replies.NOT_YET_INITIALIZED, "NotYetInitialized", "member is starting; retry shortly");
        }
        return current.handle(channel, database, command, query);
    }

    /**
     * The documents of one collection as stored, read lazily in key order. mongo-java-server's
     * H2 backend keeps a collection {@code ns} in the map {@code "databases." + ns}; a test
     * round-trips a snapshot through this method, so a change of that name would not go unseen.
     */
    public Iterable<Document> documents(String database, String collection) {
        String map = "databases." + database + "." + collection;
        if (!getMvStore().hasMap(map)) {
            return List.of();
        }
        MVMap<Object, Document> data = getMvStore().openMap(map);
        return data.values();
    }

    /** Runs the command on the local store; never throws. */
    public Document execute(Channel channel, String database, String command, Document query) {
        try {
            return super.handleCommand(channel, database, command, query);
        } catch (MongoServerError e) {
            Document reply = Replies.error(e.getCode(), e.getCodeName() == null ? "Location" + e.getCode() : e.getCodeName(),
                e.getMessageWithoutErrorCode());
            return reply;
        } catch (MongoServerException e) {
            return Replies.error(Replies.INTERNAL_ERROR, "InternalError", e.getMessageWithoutErrorCode());
        } catch (RuntimeException e) {
            return Replies.error(Replies.INTERNAL_ERROR, "InternalError", command + " failed: " + e);
        }
    }
}
