package io.hactl.replicaset.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

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
    /** Frozen views still being read: while any is, updates work on copies of documents. */
    private final AtomicInteger frozenViews = new AtomicInteger();

    /**
     * Opens the store with automatic commits off: the replicated state machine commits explicitly,
     * so that data and its "last applied" marker always reach the disk together.
     */
    public MemberBackend(String file) {
        super(new MVStore.Builder().fileName(file).autoCommitDisabled().open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return MemberDatabase.open(databaseName, getMvStore(), getCursorRegistry(), this::anyFrozenView);
    }

    /** Null-safe: H2Backend's constructor opens the existing databases before our fields are set. */
    private boolean anyFrozenView() {
        AtomicInteger views = frozenViews;
        return views != null && views.get() > 0;
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
     * Freezes the store as it is now, for reading on another thread while writes go on: call it
     * on the thread that writes, between writes. The view's collections are the MVStore maps as
     * of this version (kept on disk until the view is closed), and until then updates work on
     * copies of the documents they change ({@link MemberCollection}): an update changes the
     * document it read in place, which would change the frozen version under its reader.
     */
    public FrozenView freeze() {
        MVStore store = getMvStore();
        frozenViews.incrementAndGet();
        return new FrozenView(store, store.registerVersionUsage(), store.getCurrentVersion());
    }

    /** See {@link #freeze}; close it once read. */
    public final class FrozenView implements AutoCloseable {

        private final MVStore store;
        private final MVStore.TxCounter pin;
        private final long version;
        private boolean closed;

        private FrozenView(MVStore store, MVStore.TxCounter pin, long version) {
            this.store = store;
            this.pin = pin;
            this.version = version;
        }

        /**
         * One collection's documents as frozen, read lazily in key order. mongo-java-server's H2
         * backend keeps a collection {@code ns} in the map {@code "databases." + ns}; a test
         * round-trips a snapshot through this method, so a change of that name would not go
         * unseen. Open it where {@link #freeze} was called: a collection dropped later can no
         * longer be found by name.
         */
        public Iterable<Document> documents(String database, String collection) {
            return dataMap(database, collection).<Iterable<Document>>map(map -> map.openVersion(version).values())
                .orElse(List.of());
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                store.deregisterVersionUsage(pin);
                frozenViews.decrementAndGet();
            }
        }
    }

    private Optional<MVMap<Object, Document>> dataMap(String database, String collection) {
        String map = MemberDatabase.DATA_MAP_PREFIX + database + "." + collection;
        return getMvStore().hasMap(map) ? Optional.of(getMvStore().openMap(map)) : Optional.empty();
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
