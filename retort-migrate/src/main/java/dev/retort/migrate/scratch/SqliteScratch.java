package dev.retort.migrate.scratch;

import dev.retort.migrate.MigrationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** SQLite: a temporary file, deleted with its journal files. */
final class SqliteScratch implements ScratchKind {
    private Path file;

    @Override
    public String create(String name) {
        try {
            file = Files.createTempFile(name + "_", ".db").toAbsolutePath();
        } catch (IOException e) {
            throw new MigrationException("Could not make a temporary SQLite file for the scratch database: "
                    + e.getMessage(), e);
        }
        return "sqlite:///" + file;
    }

    @Override
    public void drop(String name) {
        try {
            for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the scratch database file " + file, e);
        }
    }

    @Override
    public String displayName(String name) {
        return String.valueOf(file);
    }
}
