package dev.retort.migrate;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.ServerVersion;
import dev.retort.dialect.mysql.MariaDbDialect;
import dev.retort.dialect.mysql.MysqlDialect;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import dev.retort.migrate.lint.LintFinding;
import dev.retort.migrate.lint.Rewrite;
import dev.retort.migrate.lint.Severity;
import dev.retort.migrate.ops.Algorithm;
import dev.retort.migrate.ops.LockMode;
import dev.retort.migrate.ops.Operations;
import dev.retort.schema.Table;
import dev.retort.types.SqlType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static dev.retort.migrate.Rev.after;
import static dev.retort.schema.ColumnOptions.AUTOINCREMENT;
import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.serverDefault;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.DOUBLE;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.TEXT;
import static dev.retort.types.SqlTypes.TIMESTAMPTZ;
import static dev.retort.types.SqlTypes.enumOf;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** lint's rules per dialect, judged offline from recorded revisions: exact rules, levels, locks and words. */
class LintTest {
    private static final Dialect PG = new PostgresDialect();
    private static final Dialect MARIADB = new MariaDbDialect();
    private static final Dialect SQLITE = new SqliteDialect();

    /** The findings of one revision {@code r1} on an existing {@code orders} table. */
    private static List<LintFinding> lint(Dialect dialect, Consumer<Operations> upgrade) {
        return Migrations.of(Rev.of("r1", after(), upgrade, ops -> { })).lint(dialect, "base", "head");
    }

    private static LintFinding only(Dialect dialect, Consumer<Operations> upgrade) {
        List<LintFinding> findings = lint(dialect, upgrade);
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @Test
    void postgresCreateIndexBlocksWritesUnlessConcurrently() {
        LintFinding f = only(PG, ops -> ops.createIndex("ix_orders_customer", "orders", "customer_id"));
        assertThat(f).isEqualTo(new LintFinding("r1", "create index ix_orders_customer on orders", "postgresql",
                "pg-create-index", "SHARE (blocks writes)", Rewrite.INDEX_BUILD, Severity.WARNING,
                "Building index ix_orders_customer on orders blocks writes to the table until the index is built.",
                "build it with .concurrently() (CREATE INDEX CONCURRENTLY: writes continue; the revision then runs "
                        + "without a transaction, so give the index a revision of its own)."));
        assertThat(lint(PG, ops -> ops.createIndex("ix_orders_customer", "orders", "customer_id").concurrently())).isEmpty();
    }

    @Test
    void changesToATableTheSameRevisionCreatedAreNotFindings() {
        assertThat(lint(PG, ops -> {
            ops.createTable(Table.builder("orders").column("id", BIGINT, PRIMARY_KEY).column("customer_id", BIGINT));
            ops.createIndex("ix_orders_customer", "orders", "customer_id");
            ops.addCheckConstraint("ck_orders_id", "orders", "id > 0");
        })).isEmpty();
        Migrations later = Migrations.of(
                Rev.of("r1", after(), ops -> ops.createTable(Table.builder("orders").column("id", BIGINT, PRIMARY_KEY)),
                        ops -> { }),
                Rev.of("r2", after("r1"), ops -> ops.createIndex("ix_orders_id", "orders", "id"), ops -> { }));
        assertThat(later.lint(PG, "base", "head")).extracting(LintFinding::revision, LintFinding::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r2", "pg-create-index"));
        assertThat(later.lint(PG, "r1", "head")).hasSize(1);
    }

    @Test
    void postgresAddColumnWithAVolatileDefaultRewritesTheTable() {
        LintFinding f = only(PG, ops -> ops.addColumn("orders", "weight", DOUBLE, NOT_NULL, serverDefault("random()")));
        assertThat(f.rule()).isEqualTo("pg-add-column-volatile-default");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.rewrite()).isEqualTo(Rewrite.TABLE_REWRITE);
        assertThat(f.lock()).isEqualTo("ACCESS EXCLUSIVE (blocks reads and writes)");
        assertThat(f.message()).isEqualTo("Adding column orders.weight with the volatile default random() rewrites the "
                + "whole table while reads and writes wait.");
        assertThat(f.alternative()).startsWith("add the column without that default, set the default for new rows");
        assertThat(only(PG, ops -> ops.addColumn("orders", "seq", BIGINT, AUTOINCREMENT)).message())
                .isEqualTo("Adding column orders.seq filled by a sequence or identity rewrites the whole table while "
                        + "reads and writes wait.");
        // A stable default (now()) or a constant is filled in from the catalog: no rewrite since PostgreSQL 11.
        assertThat(lint(PG, ops -> {
            ops.addColumn("orders", "created", TIMESTAMPTZ, NOT_NULL, serverDefault("now()"));
            ops.addColumn("orders", "note", TEXT, NOT_NULL, serverDefault("'none'"));
        })).isEmpty();
    }

    @Test
    void postgresStableFunctionsInADefaultDoNotRewrite() {
        // txid_current() is STABLE (pg_proc.provolatile = 's'): PostgreSQL 15 keeps the table's file node.
        assertThat(lint(PG, ops -> {
            ops.addColumn("orders", "created_tx", BIGINT, NOT_NULL, serverDefault("txid_current()"));
            ops.addColumn("orders", "created_at", TIMESTAMPTZ, NOT_NULL, serverDefault("statement_timestamp()"));
        })).isEmpty();
        assertThat(only(PG, ops -> ops.addColumn("orders", "token", TEXT, serverDefault("gen_random_uuid()::text")))
                .rule()).isEqualTo("pg-add-column-volatile-default");
    }

    @Test
    void postgresTypeChangesRewriteExceptWideningAndVarcharToText() {
        LintFinding known = only(PG, ops -> ops.alterColumn("orders", "qty", c -> c.type(BIGINT).existingType(INTEGER)));
        assertThat(known.rule()).isEqualTo("pg-alter-type");
        assertThat(known.severity()).isEqualTo(Severity.ERROR);
        assertThat(known.operation()).isEqualTo("alter column orders.qty type BIGINT");
        assertThat(known.message()).isEqualTo("Changing the type of orders.qty from INTEGER to BIGINT rewrites the whole "
                + "table while reads and writes wait.");
        LintFinding unknown = only(PG, ops -> ops.alterColumn("orders", "note", c -> c.type(varchar(200))));
        assertThat(unknown.message()).isEqualTo("Changing the type of orders.note to VARCHAR(200) rewrites the whole "
                + "table (unless it only makes a VARCHAR longer, or VARCHAR into TEXT: give existingType(...) so lint "
                + "can tell) while reads and writes wait.");
        assertThat(lint(PG, ops -> {
            ops.alterColumn("orders", "note", c -> c.type(varchar(200)).existingType(varchar(100)));
            ops.alterColumn("orders", "memo", c -> c.type(TEXT).existingType(varchar(100)));
        })).isEmpty();
        assertThat(only(PG, ops -> ops.alterColumn("orders", "note", c -> c.type(varchar(50))
                .existingType(varchar(100)))).rule()).isEqualTo("pg-alter-type");
    }

    @Test
    void postgresForeignKeysAndChecksScanUnlessNotValid() {
        LintFinding fk = only(PG, ops -> ops.addForeignKey("fk_orders_customer", "orders", List.of("customer_id"),
                "customers", List.of("id")));
        assertThat(fk.rule()).isEqualTo("pg-add-foreign-key");
        assertThat(fk.lock()).isEqualTo("SHARE ROW EXCLUSIVE on both tables (blocks writes)");
        assertThat(fk.rewrite()).isEqualTo(Rewrite.SCAN);
        assertThat(fk.severity()).isEqualTo(Severity.WARNING);
        assertThat(fk.alternative()).isEqualTo("add it with .notValid() (new rows are checked at once), then check the "
                + "existing rows with ops.validateConstraint(\"fk_orders_customer\", \"orders\") in a later revision "
                + "(SHARE UPDATE EXCLUSIVE: reads and writes continue).");
        LintFinding check = only(PG, ops -> ops.addCheckConstraint("ck_orders_qty", "orders", "qty >= 0"));
        assertThat(check.rule()).isEqualTo("pg-add-check");
        assertThat(check.message()).isEqualTo("Adding check constraint ck_orders_qty on orders checks every row while "
                + "reads and writes wait.");
        assertThat(lint(PG, ops -> {
            ops.addForeignKey("fk_orders_customer", "orders", List.of("customer_id"), "customers", List.of("id")).notValid();
            ops.addCheckConstraint("ck_orders_qty", "orders", "qty >= 0").notValid();
            ops.validateConstraint("fk_orders_customer", "orders");
        })).isEmpty();
    }

    @Test
    void postgresSetNotNullScansUnlessAValidatedCheckProvesIt() {
        LintFinding f = only(PG, ops -> ops.alterColumn("orders", "qty", c -> c.nullable(false)));
        assertThat(f.rule()).isEqualTo("pg-set-not-null");
        assertThat(f.alternative()).isEqualTo("first ops.addCheckConstraint(\"ck_orders_qty_not_null\", \"orders\", "
                + "\"qty IS NOT NULL\").notValid(), then ops.validateConstraint(...) in a later revision; SET NOT NULL "
                + "after that skips the scan, and the check can be dropped.");
        Migrations safe = Migrations.of(
                Rev.of("r1", after(), ops -> ops.addCheckConstraint("ck_qty_nn", "orders", "qty IS NOT NULL").notValid(),
                        ops -> { }),
                Rev.of("r2", after("r1"), ops -> ops.validateConstraint("ck_qty_nn", "orders"), ops -> { }),
                Rev.of("r3", after("r2"), ops -> {
                    ops.alterColumn("orders", "qty", c -> c.nullable(false));
                    ops.dropCheckConstraint("ck_qty_nn", "orders");
                }, ops -> { }));
        assertThat(safe.lint(PG, "base", "head")).isEmpty();
        // Without the VALIDATE the check proves nothing.
        assertThat(safe.lint(PG, "r2", "head")).extracting(LintFinding::rule).containsExactly("pg-set-not-null");
        // Before PostgreSQL 12 there is no way around the scan.
        assertThat(safe.lint(new PostgresDialect(ServerVersion.parse("11.9")), "base", "head"))
                .extracting(LintFinding::alternative)
                .containsExactly("none before PostgreSQL 12; run it when the table is small or writes can wait.");
    }

    @Test
    void postgresUniqueConstraintsAndMixedConcurrentRevisions() {
        assertThat(only(PG, ops -> ops.addUniqueConstraint("uq_orders_ref", "orders", "ref")).rule())
                .isEqualTo("pg-add-unique");
        LintFinding mixed = only(PG, ops -> {
            ops.createIndex("ix_orders_ref", "orders", "ref").concurrently();
            ops.dropColumn("orders", "legacy");
        });
        assertThat(mixed.rule()).isEqualTo("no-transaction");
        assertThat(mixed.severity()).isEqualTo(Severity.WARNING);
        assertThat(mixed.operation()).isEqualTo("create index ix_orders_ref on orders [concurrently]; drop column "
                + "orders.legacy");
    }

    @Test
    void mariaDbCopiesForTypeChangesForeignKeysAndChecks() {
        LintFinding type = only(MARIADB, ops -> ops.alterColumn("orders", "qty", c -> c.type(BIGINT)
                .existingType(INTEGER).existingNullable(true)));
        assertThat(type).isEqualTo(new LintFinding("r1", "alter column orders.qty type BIGINT", "mariadb",
                "mysql-alter-type", "ALGORITHM=COPY, LOCK=SHARED (blocks writes)", Rewrite.TABLE_REWRITE, Severity.ERROR,
                "Changing the type of orders.qty to BIGINT copies the whole table while writes wait: MariaDB refuses "
                        + "ALGORITHM=INPLACE and INSTANT for a type change.",
                "add a column of the new type, fill it in batches and move to it, or use an online schema change tool; "
                        + ".algorithm(Algorithm.INPLACE) makes the server refuse instead of copying."));
        assertThat(only(MARIADB, ops -> ops.addForeignKey("fk_orders_customer", "orders", List.of("customer_id"),
                "customers", List.of("id"))).rule()).isEqualTo("mysql-add-foreign-key");
        assertThat(only(MARIADB, ops -> ops.addCheckConstraint("ck_orders_qty", "orders", "qty >= 0")).message())
                .isEqualTo("Adding check constraint ck_orders_qty on orders copies the whole table while writes wait: "
                        + "MariaDB refuses ALGORITHM=INPLACE and INSTANT for it.");
        assertThat(only(MARIADB, ops -> ops.alterColumn("orders", "note", c -> c.type(varchar(200))
                .existingType(varchar(100)).existingNullable(true))))
                .extracting(LintFinding::rule, LintFinding::severity).containsExactly("mysql-widen-varchar", Severity.INFO);
    }

    @Test
    void mariaDbAppendsEnumLabelsInstantlyAndCopiesForAnyOtherEnumChange() {
        SqlType<String> before = enumOf("book_format", List.of("paper", "ebook"));
        SqlType<String> after = enumOf("book_format", List.of("paper", "ebook", "audio"));
        LintFinding append = only(MARIADB, ops -> ops.alterColumn("books", "format", c -> c.type(after)
                .existingType(before).existingNullable(false)));
        assertThat(append).isEqualTo(new LintFinding("r1", "alter column books.format type ENUM book_format[paper, ebook, "
                + "audio]", "mariadb", "mysql-append-enum-labels", "ALGORITHM=INSTANT", Rewrite.NONE, Severity.INFO,
                "Adding labels at the end of the ENUM of books.format is INSTANT (the catalog changes only); inserting "
                        + "or removing labels, or reordering them, would copy the table.",
                "pin it with .algorithm(Algorithm.INSTANT) so the server refuses rather than copies."));
        assertThat(lint(MARIADB, ops -> ops.alterColumn("books", "format", c -> c.type(after).existingType(before)
                .existingNullable(false)).algorithm(Algorithm.INSTANT))).isEmpty();
        // Labels put first, or taken away, copy the table.
        SqlType<String> reordered = enumOf("book_format", List.of("audio", "paper", "ebook"));
        assertThat(only(MARIADB, ops -> ops.alterColumn("books", "format", c -> c.type(reordered)
                .existingType(before).existingNullable(false))).rule()).isEqualTo("mysql-alter-type");
        assertThat(only(MARIADB, ops -> ops.alterColumn("books", "format", c -> c.type(before)
                .existingType(after).existingNullable(false))).rule()).isEqualTo("mysql-alter-type");
    }

    @Test
    void aVarcharMadeLongerIsInstantOnlyWhileItsLengthPrefixKeepsItsSize() {
        LintFinding instant = only(MARIADB, ops -> ops.alterColumn("orders", "note", c -> c.type(varchar(100))
                .existingType(varchar(31)).existingNullable(true)));
        assertThat(instant).isEqualTo(new LintFinding("r1", "alter column orders.note type VARCHAR(100)", "mariadb",
                "mysql-widen-varchar", "ALGORITHM=INSTANT (metadata only)", Rewrite.NONE, Severity.INFO,
                "Making orders.note longer keeps the size of its length prefix, so MariaDB changes the catalog only "
                        + "(ALGORITHM=INSTANT).",
                "pin it with .algorithm(Algorithm.INSTANT) so the server refuses rather than copies."));
        // utf8mb4: VARCHAR(32) is 128 bytes, VARCHAR(100) 400: the prefix grows to two bytes and MariaDB copies.
        LintFinding copy = only(MARIADB, ops -> ops.alterColumn("orders", "note", c -> c.type(varchar(100))
                .existingType(varchar(32)).existingNullable(true)));
        assertThat(copy).extracting(LintFinding::rule, LintFinding::severity, LintFinding::rewrite, LintFinding::message)
                .containsExactly("mysql-alter-type", Severity.ERROR, Rewrite.TABLE_REWRITE, "Making orders.note longer "
                        + "(VARCHAR(32) to VARCHAR(100), 4 bytes a character in utf8mb4) needs a two-byte length prefix, "
                        + "so MariaDB copies the whole table while writes wait.");
        assertThat(only(MARIADB, ops -> ops.alterColumn("orders", "note", c -> c.type(varchar(64))
                .existingType(varchar(63)).existingNullable(true))).rule()).isEqualTo("mysql-alter-type");
        for (int[] instantly : new int[][] {{40, 60}, {64, 65}, {100, 200}}) {
            assertThat(only(MARIADB, ops -> ops.alterColumn("orders", "note", c -> c.type(varchar(instantly[1]))
                    .existingType(varchar(instantly[0])).existingNullable(true))).rule())
                    .as("VARCHAR(%d) to VARCHAR(%d)", instantly[0], instantly[1]).isEqualTo("mysql-widen-varchar");
        }
        // MySQL has no exception for short columns, and makes the change INPLACE (metadata only), not INSTANT.
        Dialect mysql = new MysqlDialect();
        assertThat(only(mysql, ops -> ops.alterColumn("orders", "note", c -> c.type(varchar(100))
                .existingType(varchar(31)).existingNullable(true))).rule()).isEqualTo("mysql-alter-type");
        assertThat(only(mysql, ops -> ops.alterColumn("orders", "note", c -> c.type(varchar(60))
                .existingType(varchar(40)).existingNullable(true))).alternative())
                .isEqualTo("pin it with .algorithm(Algorithm.INPLACE) so the server refuses rather than copies.");
    }

    @Test
    void mariaDbIndexesAndNullabilityAreOnlineAndSayHowToPinThem() {
        LintFinding ix = only(MARIADB, ops -> ops.createIndex("ix_orders_customer", "orders", "customer_id"));
        assertThat(ix.rule()).isEqualTo("mysql-build-index");
        assertThat(ix.severity()).isEqualTo(Severity.INFO);
        assertThat(ix.lock()).isEqualTo("ALGORITHM=INPLACE, LOCK=NONE");
        assertThat(ix.alternative()).isEqualTo("pin it with .algorithm(Algorithm.INPLACE).lock(LockMode.NONE) so the "
                + "server refuses rather than copies or locks.");
        LintFinding nn = only(MARIADB, ops -> ops.alterColumn("orders", "qty", c -> c.nullable(false)
                .existingType(INTEGER)));
        assertThat(nn).extracting(LintFinding::rule, LintFinding::severity, LintFinding::rewrite)
                .containsExactly("mysql-nullability", Severity.WARNING, Rewrite.IN_PLACE_REBUILD);
        assertThat(lint(MARIADB, ops -> {
            ops.createIndex("ix_orders_customer", "orders", "customer_id").algorithm(Algorithm.INPLACE).lock(LockMode.NONE);
            ops.alterColumn("orders", "qty", c -> c.nullable(false).existingType(INTEGER)).algorithm(Algorithm.INPLACE);
            ops.addColumn("orders", "note", TEXT);
            ops.dropColumn("orders", "legacy");
        })).isEmpty();
    }

    @Test
    void oldMariaDbServersCopyToAddOrDropAColumn() {
        Dialect old = new MariaDbDialect(ServerVersion.parse("10.2.44"));
        assertThat(lint(old, ops -> {
            ops.addColumn("orders", "note", TEXT);
            ops.dropColumn("orders", "legacy");
        })).extracting(LintFinding::rule, LintFinding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("mysql-add-column-copy", "Adding column orders.note rebuilds the "
                        + "whole table on MariaDB 10.2.44; it is INSTANT from MariaDB 10.3."),
                org.assertj.core.groups.Tuple.tuple("mysql-drop-column-copy", "Dropping column orders.legacy rebuilds "
                        + "the whole table on MariaDB 10.2.44; it is INSTANT from MariaDB 10.4."));
        assertThat(lint(new MariaDbDialect(ServerVersion.parse("10.3.1")), ops -> ops.addColumn("orders", "n", TEXT)))
                .isEmpty();
    }

    @Test
    void sqliteRebuildsCopyTheTable() {
        LintFinding f = only(SQLITE, ops -> ops.alterColumn("orders", "qty", c -> c.type(BIGINT)));
        assertThat(f).isEqualTo(new LintFinding("r1", "alter column orders.qty type BIGINT", "sqlite", "sqlite-rebuild",
                "the database's write lock (writers wait)", Rewrite.TABLE_REWRITE, Severity.ERROR,
                "SQLite's ALTER TABLE cannot make this change, so table orders may be rebuilt: every row is copied into "
                        + "a new table while other writers wait.",
                "SQLite has no online form; group the table's changes in one ops.batch(...) so it is copied once, and "
                        + "run it when writes can wait."));
        assertThat(lint(SQLITE, ops -> {
            ops.addColumn("orders", "note", TEXT);
            ops.createIndex("ix_orders_note", "orders", "note");
        })).isEmpty();
    }

    @Test
    void severitiesParseAndBadOnesAreNamed() {
        assertThat(Severity.parse(" Warning ")).isEqualTo(Severity.WARNING);
        assertThatThrownBy(() -> Severity.parse("loud")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown severity 'loud': use info, warning or error.");
    }
}
