package dev.retort.migrate.autogenerate;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.migrate.Migrations;
import dev.retort.migrate.Migrator;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.MetaData;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.UNIQUE;
import static dev.retort.schema.ColumnOptions.serverDefaultValue;
import static dev.retort.sql.Statements.text;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.DATE;
import static dev.retort.types.SqlTypes.DATETIME;
import static dev.retort.types.SqlTypes.TEXT;
import static dev.retort.types.SqlTypes.numeric;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of difference is found, written, applied and undone, on every database: tables added
 * (with a self-reference and a composite key) and dropped, columns added, dropped, widened,
 * narrowed, made NOT NULL, given another default; a foreign key whose action changes, an index
 * whose columns change, an index dropped; then {@code check} is clean, and the downgrade brings
 * the old schema back.
 */
class DifferencesTest {
    static MetaData metadata() {
        return MetaData.builder().namingConvention(NamingConvention.of(Map.of("fk", "fk_%(table_name)s_%(column_0_name)s",
                "uq", "uq_%(table_name)s_%(column_0N_name)s", "ix", "ix_%(table_name)s_%(column_0N_name)s"))).build();
    }

    static MetaData old() {
        MetaData md = metadata();
        Table.builder("owners").metadata(md).column("id", BIGINT, PRIMARY_KEY).column("email", varchar(100), NOT_NULL, UNIQUE)
                .column("nick", varchar(30)).column("legacy", TEXT).build();
        Table.builder("pets").metadata(md).column("id", BIGINT, PRIMARY_KEY).column("owner_id", BIGINT, NOT_NULL)
                .column("name", varchar(50), NOT_NULL).column("species", varchar(20), serverDefaultValue("cat"))
                .column("weight", numeric(6, 2)).column("born", DATE)
                .foreignKey(List.of("owner_id"), "owners", List.of("id"), ForeignKeyOptions.defaults())
                .index("ix_pets_lookup", false, "name").index(null, false, "species").build();
        Table.builder("visits").metadata(md).column("id", BIGINT, PRIMARY_KEY).column("pet_id", BIGINT, NOT_NULL)
                .column("at", DATETIME, NOT_NULL)
                .foreignKey(List.of("pet_id"), "pets", List.of("id"), ForeignKeyOptions.defaults()).build();
        return md;
    }

    static MetaData changed() {
        MetaData md = metadata();
        Table.builder("owners").metadata(md).column("id", BIGINT, PRIMARY_KEY).column("email", varchar(100), NOT_NULL, UNIQUE)
                .column("nick", varchar(20)).column("phone", varchar(20)).build();
        Table.builder("pets").metadata(md).column("id", BIGINT, PRIMARY_KEY).column("owner_id", BIGINT, NOT_NULL)
                .column("name", varchar(50), NOT_NULL).column("species", varchar(20), NOT_NULL, serverDefaultValue("dog"))
                .column("weight", numeric(8, 2)).column("born", DATE)
                .foreignKey(List.of("owner_id"), "owners", List.of("id"),
                        ForeignKeyOptions.defaults().onDelete(ReferentialAction.CASCADE))
                .index("ix_pets_lookup", false, "name", "species").build();
        Table.builder("tags").metadata(md).column("id", BIGINT, PRIMARY_KEY).column("label", varchar(30), NOT_NULL, UNIQUE)
                .column("parent_id", BIGINT)
                .foreignKey(List.of("parent_id"), "tags", List.of("id"), ForeignKeyOptions.defaults()).build();
        Table.builder("pet_tags").metadata(md).column("pet_id", BIGINT, NOT_NULL).column("tag_id", BIGINT, NOT_NULL)
                .primaryKey(null, "pet_id", "tag_id")
                .foreignKey(List.of("pet_id"), "pets", List.of("id"), ForeignKeyOptions.defaults())
                .foreignKey(List.of("tag_id"), "tags", List.of("id"), ForeignKeyOptions.defaults()).build();
        return md;
    }

    private static List<Map<String, Object>> rows(Engine engine, String sql) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text(sql)).mappings().all();
        }
    }

    @EachDatabase
    void everyKindOfDifferenceIsWrittenAppliedAndUndone(TestDatabase db, @TempDir Path sources) {
        Engine engine = db.engine();
        old().createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO owners (id, email, nick, legacy) VALUES (1, 'ann@example.org', 'ann', 'x'), "
                    + "(2, 'bob@example.org', NULL, 'y')"));
            conn.execute(text("INSERT INTO pets (id, owner_id, name, species, weight, born) VALUES "
                    + "(1, 1, 'Rex', 'dog', 12.50, NULL), (2, 2, 'Tom', 'cat', 4.25, NULL)"));
            conn.execute(text("INSERT INTO visits (id, pet_id, at) VALUES (1, 1, '2024-01-02 10:00:00')"));
            conn.commit();
        }
        List<Map<String, Object>> pets = rows(engine, "SELECT id, owner_id, name, species, born FROM pets ORDER BY id");

        SchemaDiff diff = Autogenerate.compare(changed(), engine, AutogenerateOptions.defaults());
        assertThat(diff.describe()).containsExactly(
                "drop foreign key fk_pets_owner_id on pets [owner_id] -> owners [id]",
                "drop index ix_pets_lookup on pets [name]",
                "drop index ix_pets_species on pets [species]",
                "add table tags [id, label, parent_id]",
                "add table pet_tags [pet_id, tag_id]",
                "alter column owners.nick: type VARCHAR(30) -> VARCHAR(20) [destructive: narrows column owners.nick from "
                        + "VARCHAR(30) to VARCHAR(20), which may not hold every value]",
                "add column owners.phone VARCHAR(20)",
                "alter column pets.species: NULL -> NOT NULL, default 'cat'"
                        + (db.kind() == DatabaseKind.POSTGRESQL ? "::character varying" : "") + " -> 'dog'",
                "alter column pets.weight: type NUMERIC(6, 2) -> NUMERIC(8, 2)",
                "add index ix_pets_lookup on pets [name, species]",
                "add foreign key fk_pets_owner_id on pets [owner_id] -> owners [id] ON DELETE CASCADE",
                "drop column owners.legacy [destructive: drops column owners.legacy and its values]",
                "drop table visits [destructive: drops table visits and its rows]");
        assertThat(diff.warnings()).containsExactly("Column owners.legacy is dropped while owners gains [phone]. If one "
                + "of them is legacy renamed, this loses its values: declare the rename (AutogenerateOptions.renameColumn("
                + "\"owners\", \"legacy\", \"phone\"), or --rename-column owners.legacy=phone) and generate again, or replace "
                + "the two operations with ops.alterColumn(\"owners\", \"legacy\", c -> c.rename(\"phone\")).",
                "Table visits is dropped while [tags, pet_tags] are created. If one of them is visits renamed, this loses "
                + "its rows: declare the rename (AutogenerateOptions.renameTable(\"visits\", \"tags\"), or --rename-table "
                + "visits=tags) and generate again, or replace the two operations with ops.renameTable(\"visits\", \"tags\").");

        RevisionFile file = GeneratedRevisions.file("V0001_Pets", "0001_pets", "Pets and tags");
        GeneratedRevisions.write(sources, file, RevisionWriter.autogenerated(file, diff));
        Migrations migrations = GeneratedRevisions.compile(sources);
        Migrator migrator = migrations.migrator(engine).allowDestructive(true);
        migrator.upgrade("head");
        assertThat(Autogenerate.compare(changed(), engine, AutogenerateOptions.defaults()).describe()).isEmpty();
        assertThat(rows(engine, "SELECT id, owner_id, name, species, born FROM pets ORDER BY id")).isEqualTo(pets);
        assertThat(rows(engine, "SELECT nick FROM owners ORDER BY id")).extracting(r -> r.get("nick"))
                .containsExactly("ann", null);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO tags (id, label) VALUES (1, 'friendly')"));
            conn.execute(text("INSERT INTO pet_tags (pet_id, tag_id) VALUES (1, 1)"));
            conn.execute(text("INSERT INTO pets (id, owner_id, name) VALUES (3, 1, 'Nemo')"));
            conn.commit();
        }
        assertThat(rows(engine, "SELECT species FROM pets WHERE id = 3")).extracting(r -> r.get("species"))
                .containsExactly("dog");

        try (Connection conn = engine.connect()) {
            conn.execute(text("DELETE FROM pet_tags"));
            conn.execute(text("DELETE FROM pets WHERE id = 3"));
            conn.commit();
        }
        migrator.downgrade("base");
        assertThat(Autogenerate.compare(old(), engine, AutogenerateOptions.defaults()).describe()).isEmpty();
        assertThat(rows(engine, "SELECT id, owner_id, name, species, born FROM pets ORDER BY id")).isEqualTo(pets);
    }
}
