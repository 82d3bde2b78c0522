package dev.retort.migrate;

import dev.retort.ForeignKeyViolationException;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.ServerVersion;
import dev.retort.dialect.sqlite.SqliteDialect;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.ListenerRegistration;
import dev.retort.engine.StatementEvent;
import dev.retort.engine.StatementListener;
import dev.retort.migrate.ops.BatchMode;
import dev.retort.migrate.ops.OperationException;
import dev.retort.reflect.ReflectedColumn;
import dev.retort.reflect.ReflectedTable;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.MetaData;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import dev.retort.types.SqlTypes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.retort.migrate.Rev.after;
import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.sql.Statements.text;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQLite batch mode: what its ALTER TABLE cannot do rebuilds the table, keeping the rows, the
 * indexes and the foreign keys in both directions, with foreign-key enforcement back on after.
 */
class SqliteBatchTest {

    private static void createLibrary(Engine engine) {
        MetaData md = new MetaData();
        Table.builder("authors").metadata(md)
                .column("id", BIGINT, PRIMARY_KEY)
                .column("name", varchar(50), NOT_NULL)
                .column("rating", INTEGER)
                .column("email", varchar(80))
                .unique("uq_authors_email", "email")
                .index("ix_authors_name", false, "name")
                .build();
        Table.builder("books").metadata(md)
                .column("id", BIGINT, PRIMARY_KEY)
                .column("author_id", BIGINT, NOT_NULL)
                .column("title", varchar(100), NOT_NULL)
                .column("editor_id", BIGINT)
                .foreignKey(List.of("author_id"), "authors", List.of("id"),
                        ForeignKeyOptions.defaults().name("fk_books_author").onDelete(ReferentialAction.CASCADE))
                .build();
        md.createAll(engine);
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO authors (id, name, rating, email) VALUES (1, 'Le Guin', 5, 'ul@example.org'), "
                    + "(2, 'Lem', 4, 'sl@example.org'), (3, 'Jansson', 5, NULL)"));
            conn.execute(text("INSERT INTO books (id, author_id, title, editor_id) VALUES (10, 1, 'Earthsea', 99), "
                    + "(11, 1, 'The Dispossessed', NULL), (12, 2, 'Solaris', NULL), (13, 3, 'Moominland', NULL)"));
            conn.commit();
        }
    }

    private static Migrations history() {
        return Migrations.of(
                Rev.of("0001_authors", after(), ops -> ops.batch("authors", b -> b
                        .alterColumn("name", c -> c.type(varchar(100)))
                        .alterColumn("rating", c -> c.nullable(false).serverDefaultValue(3))
                        .addCheckConstraint("ck_authors_rating", "rating BETWEEN 0 AND 5")), ops -> ops.batch("authors", b -> b
                        .dropCheckConstraint("ck_authors_rating")
                        .alterColumn("rating", c -> c.nullable(true).dropServerDefault())
                        .alterColumn("name", c -> c.type(varchar(50))))),
                Rev.of("0002_no_email", after("0001_authors"), ops -> ops.dropColumn("authors", "email"), ops -> {
                    ops.addColumn("authors", "email", varchar(80));
                    ops.addUniqueConstraint("uq_authors_email", "authors", "email");
                }),
                Rev.of("0003_heading", after("0002_no_email"),
                        ops -> ops.batch("books", BatchMode.REBUILD, b -> b.alterColumn("title", c -> c.rename("heading"))),
                        ops -> ops.batch("books", BatchMode.REBUILD, b -> b.alterColumn("heading", c -> c.rename("title")))));
    }

    private static long foreignKeysPragma(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("PRAGMA foreign_keys")).scalar(Long.class);
        }
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_MEMORY, DatabaseKind.SQLITE_FILE})
    void rebuildsKeepRowsIndexesAndForeignKeys(TestDatabase db) {
        Engine engine = db.engine();
        createLibrary(engine);
        Map<String, ReflectedTable> before = Snapshots.schema(engine);
        List<Map<String, Object>> authorsBefore = Snapshots.rows(engine, "SELECT id, name, rating FROM authors ORDER BY id");
        List<Map<String, Object>> booksBefore = Snapshots.rows(engine, "SELECT * FROM books ORDER BY id");
        List<String> sent = new CopyOnWriteArrayList<>();
        Migrator migrator = history().migrator(engine).allowDestructive(true);
        try (ListenerRegistration r = engine.addListener(new StatementListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                sent.add(event.sql());
            }
        })) {
            migrator.upgrade("head");
        }
        assertThat(sent).filteredOn(s -> s.startsWith("CREATE TABLE _retort_batch_")).hasSize(3);
        assertThat(sent).filteredOn(s -> s.startsWith("PRAGMA foreign_keys")).containsExactly(
                "PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = ON", "PRAGMA foreign_keys = OFF",
                "PRAGMA foreign_keys = ON", "PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = ON");

        Map<String, ReflectedTable> after = Snapshots.schema(engine);
        assertThat(after.keySet()).containsExactly("authors", "books");
        ReflectedTable authors = after.get("authors");
        assertThat(authors.columns()).extracting(ReflectedColumn::name).containsExactly("id", "name", "rating");
        assertThat(authors.column("name").orElseThrow().type()).isEqualTo(SqlTypes.varchar(100));
        assertThat(authors.column("rating").orElseThrow().nullable()).isFalse();
        assertThat(authors.column("rating").orElseThrow().defaultExpression()).isEqualTo("3");
        assertThat(authors.checkConstraints()).extracting(c -> c.name()).containsExactly("ck_authors_rating");
        assertThat(authors.uniqueConstraints()).isEmpty();
        assertThat(authors.indexes()).extracting(i -> i.name()).containsExactly("ix_authors_name");
        assertThat(after.get("books").columns()).extracting(ReflectedColumn::name)
                .containsExactly("id", "author_id", "heading", "editor_id");
        assertThat(after.get("books").foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.name()).isEqualTo("fk_books_author");
            assertThat(fk.referredTable()).isEqualTo("authors");
            assertThat(fk.onDelete()).isEqualTo(ReferentialAction.CASCADE);
        });
        assertThat(Snapshots.rows(engine, "SELECT id, name, rating FROM authors ORDER BY id")).isEqualTo(authorsBefore);
        assertThat(Snapshots.rows(engine, "SELECT id, author_id, heading AS title, editor_id FROM books ORDER BY id"))
                .isEqualTo(booksBefore);

        // Foreign keys are enforced again, in both directions of the rebuilt tables.
        assertThat(foreignKeysPragma(engine)).isEqualTo(1L);
        try (Connection conn = engine.connect()) {
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO books (id, author_id, heading) VALUES (20, 42, 'x')")))
                    .isInstanceOf(ForeignKeyViolationException.class);
            conn.rollback();
            conn.execute(text("DELETE FROM authors WHERE id = 1"));
            assertThat(conn.execute(text("SELECT COUNT(*) FROM books")).scalar(Long.class)).isEqualTo(2L);
            conn.rollback();
            assertThat(conn.execute(text("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '\\_retort%' ESCAPE '\\'"))
                    .scalar(Long.class)).isZero();
            conn.rollback();
        }

        migrator.downgrade("base");
        assertThat(Snapshots.schema(engine)).isEqualTo(before);
        assertThat(Snapshots.rows(engine, "SELECT id, name, rating FROM authors ORDER BY id")).isEqualTo(authorsBefore);
        assertThat(Snapshots.rows(engine, "SELECT * FROM books ORDER BY id")).isEqualTo(booksBefore);
        assertThat(foreignKeysPragma(engine)).isEqualTo(1L);
    }

    /** SQLite 3.24 has neither DROP COLUMN nor RENAME COLUMN: the engine speaks it on today's library. */
    @EachDatabase(only = DatabaseKind.SQLITE_FILE)
    void anOlderSqliteRebuildsForWhatItsAlterTableLacks(TestDatabase db) {
        Dialect old = new SqliteDialect(ServerVersion.parse("3.24.0")) {
            @Override
            public Dialect forServer(String productName, String productVersion) {
                return this;
            }
        };
        Engine engine = db.engine(old);
        createLibrary(engine);
        List<Map<String, Object>> before = Snapshots.rows(engine, "SELECT id, author_id, title FROM books ORDER BY id");
        List<String> sent = new CopyOnWriteArrayList<>();
        Migrator migrator = Migrations.of(Rev.of("0001", after(), ops -> {
            ops.dropColumn("books", "editor_id");
            ops.alterColumn("books", "title", c -> c.rename("heading"));
        }, ops -> { })).migrator(engine).allowDestructive(true);
        try (ListenerRegistration r = engine.addListener(new StatementListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                sent.add(event.sql());
            }
        })) {
            migrator.upgrade("head");
        }
        assertThat(sent).filteredOn(s -> s.startsWith("CREATE TABLE _retort_batch_books")).hasSize(2);
        assertThat(sent).noneMatch(s -> s.contains("DROP COLUMN") || s.contains("RENAME COLUMN"));
        assertThat(Snapshots.schema(engine).get("books").columns()).extracting(ReflectedColumn::name)
                .containsExactly("id", "author_id", "heading");
        assertThat(Snapshots.rows(engine, "SELECT id, author_id, heading AS title FROM books ORDER BY id")).isEqualTo(before);
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_MEMORY, DatabaseKind.SQLITE_FILE})
    void aRebuildThatLeavesDanglingReferencesRollsBack(TestDatabase db) {
        Engine engine = db.engine();
        createLibrary(engine);
        Map<String, ReflectedTable> before = Snapshots.schema(engine);
        Migrator migrator = Migrations.of(Rev.of("0001_editor", after(), ops -> ops.addForeignKey("fk_books_editor",
                "books", List.of("editor_id"), "authors", List.of("id")), ops -> ops.dropForeignKey("fk_books_editor",
                "books"))).migrator(engine);
        assertThatThrownBy(() -> migrator.upgrade("head"))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("failed in its upgrade at 'the foreign-key check after rebuilding tables'")
                .hasMessageContaining("these rows refer to rows that do not exist (table, rowid, referred table, "
                        + "foreign key number): [books, 10, authors, 0]")
                .hasMessageContaining("rolled back")
                .hasRootCauseInstanceOf(OperationException.class);
        assertThat(Snapshots.schema(engine)).isEqualTo(before);
        assertThat(migrator.current()).isEmpty();
        assertThat(foreignKeysPragma(engine)).isEqualTo(1L);
    }
}
