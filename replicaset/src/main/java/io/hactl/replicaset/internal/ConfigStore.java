package io.hactl.replicaset.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Keeps the member's replica-set configuration in {@code dbPath/replset.config} (BSON), replaced
 * atomically so a crash leaves either the old or the new configuration, never half of one.
 */
public final class ConfigStore {

    private final Path file;
    private final String setName;

    public ConfigStore(Path dbPath, String setName) {
        this.file = dbPath.resolve("replset.config");
        this.setName = setName;
    }

    public String setName() {
        return setName;
    }

    public Optional<ReplSetConfig> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Document doc = BsonCodec.decode(Files.readAllBytes(file));
            return Optional.of(ReplSetConfig.parse(doc, setName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read replica set configuration " + file, e);
        }
    }

    public void save(ReplSetConfig config) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, BsonCodec.encode(config.toDocument()));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write replica set configuration " + file, e);
        }
    }
}
