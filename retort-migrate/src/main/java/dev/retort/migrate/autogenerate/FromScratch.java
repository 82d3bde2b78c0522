package dev.retort.migrate.autogenerate;

import dev.retort.engine.Engine;
import dev.retort.migrate.Migrations;
import dev.retort.migrate.scratch.ScratchDatabase;
import dev.retort.schema.MetaData;

import java.util.Objects;

/**
 * {@code check --from-scratch}: builds a fresh database from the migrations alone (a
 * {@link ScratchDatabase} on the configured server, or a temporary SQLite file), upgrades it to
 * every head, compares it with the model and removes it, also when a revision fails.
 *
 * <pre>{@code
 * FromScratch.Result r = FromScratch.check(migrations, "postgresql://app@localhost/shop", Schema.METADATA,
 *         AutogenerateOptions.defaults());
 * if (!r.diff().isEmpty()) { ... }   // the migrations do not build the model
 * }</pre>
 *
 * Stateless.
 */
public final class FromScratch {
    private FromScratch() {
    }

    /**
     * What the check found.
     *
     * @param scratchDatabase the name of the scratch database it used (removed by now)
     * @param diff the differences between the model and what the migrations build; empty when they match
     */
    public record Result(String scratchDatabase, SchemaDiff diff) {
    }

    /**
     * Builds a scratch database from the migrations and compares it with the model. Revisions
     * that may lose data run (there is no data to lose).
     *
     * @param migrations the migrations
     * @param serverUrl the configured database URL: the scratch database goes on its server
     * @param model the model's tables
     * @param options what to ignore and rename, as for {@link Autogenerate#compare}
     * @return the scratch database's name and the differences
     * @throws dev.retort.migrate.MigrationFailedException if a revision fails on the scratch database
     */
    public static Result check(Migrations migrations, String serverUrl, MetaData model, AutogenerateOptions options) {
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        try (ScratchDatabase scratch = ScratchDatabase.create(serverUrl)) {
            try (Engine engine = Engine.create(scratch.url())) {
                migrations.migrator(engine).allowDestructive(true).upgrade("heads");
                return new Result(scratch.name(), Autogenerate.compare(model, engine, options));
            }
        }
    }
}
