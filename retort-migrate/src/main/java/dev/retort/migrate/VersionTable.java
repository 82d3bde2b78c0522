package dev.retort.migrate;

import dev.retort.dialect.DdlCompiler;
import dev.retort.reflect.Inspector;
import dev.retort.schema.Column;
import dev.retort.schema.Table;
import dev.retort.sql.Executable;
import dev.retort.sql.Select;

import java.util.ArrayList;
import java.util.List;

import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.sql.Statements.delete;
import static dev.retort.sql.Statements.insert;
import static dev.retort.sql.Statements.select;
import static dev.retort.sql.Statements.update;
import static dev.retort.types.SqlTypes.varchar;

/**
 * The table that records which revisions a database has applied: one row per applied head
 * (several while branches are unmerged), in a {@code revision} column. Created by the first
 * upgrade or stamp; kept when downgrading to base, then empty.
 */
final class VersionTable {
    static final String DEFAULT_NAME = "retort_version";

    private final Table table;
    private final Column<String> revision;

    VersionTable(String schema, String name) {
        this.table = Table.builder(name).schema(schema).column("revision", varchar(64), PRIMARY_KEY).build();
        this.revision = table.column("revision", String.class);
    }

    String name() {
        return table.name();
    }

    boolean exists(Inspector inspector) {
        return inspector.hasTable(table.schema(), table.name());
    }

    List<String> createStatements(DdlCompiler ddl) {
        return ddl.createTableStatements(table);
    }

    Select read() {
        return select(revision).orderBy(revision);
    }

    /**
     * The statements that turn the rows {@code before} into {@code after}: an UPDATE per head that
     * moves, a DELETE per head that goes, an INSERT per head that comes.
     */
    List<Executable> changes(List<String> before, List<String> after) {
        List<String> removed = new ArrayList<>(before);
        removed.removeAll(after);
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        List<Executable> out = new ArrayList<>();
        int pairs = Math.min(removed.size(), added.size());
        for (int i = 0; i < pairs; i++) {
            out.add(update(table).set(revision, added.get(i)).where(revision.eq(removed.get(i))));
        }
        for (int i = pairs; i < removed.size(); i++) {
            out.add(delete(table).where(revision.eq(removed.get(i))));
        }
        for (int i = pairs; i < added.size(); i++) {
            out.add(insert(table).value(revision, added.get(i)));
        }
        return out;
    }
}
