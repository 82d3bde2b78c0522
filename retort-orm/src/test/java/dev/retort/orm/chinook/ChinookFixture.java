package dev.retort.orm.chinook;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Transaction;
import dev.retort.orm.Registry;
import dev.retort.schema.Column;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import dev.retort.sql.ColumnReference;
import dev.retort.sql.Expression;
import dev.retort.testkit.Chinook;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.TestDatabase;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.retort.sql.Statements.insert;
import static dev.retort.sql.Statements.select;
import static dev.retort.sql.Statements.text;

/**
 * Puts the Chinook data where the entities of a registry look for it, on every database.
 *
 * <p>SQLite and MariaDB: the dataset's script creates the tables under the entities' own names
 * (PascalCase), so loading it is all. PostgreSQL: the script names tables and columns in snake
 * case ({@code invoice_line.invoice_line_id}), so after loading it this creates the entities'
 * tables from the mapping ({@code createAll}: PascalCase names, which the dialect quotes), copies
 * each table's rows across with one {@code INSERT ... SELECT} (built with Core from the mapped
 * table and the reflected snake-case one, parents before children), and moves the identity
 * sequence of each generated key past the copied maximum, so that rows the tests insert get
 * fresh keys. The snake-case tables stay, unused by the entities.
 */
final class ChinookFixture {
    private static final Pattern NAME = Pattern.compile("\\{([A-Za-z]+)}");

    private ChinookFixture() {
    }

    /**
     * Loads Chinook into the run's database and leaves it in the registry's tables.
     *
     * @param db the test run's database, fresh
     * @param registry the entities
     * @return the database's engine
     */
    static Engine load(TestDatabase db, Registry registry) {
        Chinook.load(db);
        if (db.kind() == DatabaseKind.POSTGRESQL) {
            copyIntoMappedTables(db, registry.metadata());
        }
        return db.engine();
    }

    /** Creates the mapped tables and fills them from the dataset's snake-case tables. */
    private static void copyIntoMappedTables(TestDatabase db, MetaData mapped) {
        Engine engine = db.engine();
        List<Table> targets = mapped.sortedTables();
        MetaData dataset = new MetaData();
        dataset.reflect(engine, targets.stream().map(t -> Chinook.name(db.kind(), t.name())).toArray(String[]::new));
        mapped.createAll(engine, false);
        try (Connection c = engine.connect(); Transaction tx = c.begin()) {
            for (Table target : targets) {
                Table source = dataset.table(Chinook.name(db.kind(), target.name())).orElseThrow();
                List<ColumnReference<?>> into = new ArrayList<>();
                List<Expression<?>> from = new ArrayList<>();
                for (Column<?> column : target.columns()) {
                    into.add(column);
                    from.add(source.column(Chinook.name(db.kind(), column.name())));
                }
                long copied;
                try (var result = c.execute(insert(target).columns(into.toArray(ColumnReference<?>[]::new))
                        .fromSelect(select(from.toArray(Expression<?>[]::new)).from(source)))) {
                    copied = result.rowCount();
                }
                long expected;
                try (var result = c.execute(text("SELECT COUNT(*) FROM " + quoted(engine, source)))) {
                    expected = ((Number) result.scalar()).longValue();
                }
                if (copied != expected || copied == 0) {
                    throw new IllegalStateException("Copied " + copied + " of the " + expected + " rows of "
                            + source.name() + " into " + target.name());
                }
                for (Column<?> column : target.columns()) {
                    if (column.isAutoincrement()) {
                        // The identity's sequence continues after the copied keys (it started at 1).
                        String setval = "SELECT setval(pg_get_serial_sequence(:table, :column), (SELECT MAX("
                                + engine.dialect().identifierPreparer().quote(column.name()) + ") FROM "
                                + quoted(engine, target) + "))";
                        try (var result = c.execute(text(setval),
                                Map.of("table", quoted(engine, target), "column", column.name()))) {
                            // NULL if the column has no identity sequence: then the tests' inserts would clash.
                            if (result.scalar() == null) {
                                throw new IllegalStateException(target.name() + "." + column.name()
                                        + " is no identity column on PostgreSQL");
                            }
                        }
                    }
                }
            }
            tx.commit();
        }
    }

    private static String quoted(Engine engine, Table table) {
        return engine.dialect().identifierPreparer().qualified(table.schema(), table.name());
    }

    /**
     * SQL written by hand against the registry's tables: each {@code {Name}} becomes that table or
     * column name, quoted for the engine's dialect when it needs it ({@code "InvoiceLine"} on
     * PostgreSQL, {@code InvoiceLine} elsewhere).
     *
     * @param engine the engine the SQL is for
     * @param registry the entities whose names the SQL uses
     * @param template the SQL, names in braces
     * @return the SQL
     * @throws IllegalArgumentException if a name in braces is no table or column of the registry
     */
    static String sql(Engine engine, Registry registry, String template) {
        Set<String> names = new HashSet<>();
        for (Table t : registry.metadata().tables()) {
            names.add(t.name());
            t.columns().forEach(c -> names.add(c.name()));
        }
        Matcher m = NAME.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                throw new IllegalArgumentException("No table or column of the mapping is named " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(engine.dialect().identifierPreparer().quote(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
