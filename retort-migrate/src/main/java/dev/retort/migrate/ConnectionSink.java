package dev.retort.migrate;

import dev.retort.dialect.Capability;
import dev.retort.dialect.Dialect;
import dev.retort.engine.Connection;
import dev.retort.engine.Result;
import dev.retort.engine.Row;
import dev.retort.engine.Transaction;
import dev.retort.migrate.ops.DataMigration;
import dev.retort.migrate.ops.OperationException;
import dev.retort.reflect.Inspector;
import dev.retort.sql.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.retort.sql.Statements.text;

/**
 * Runs a migration's statements on a connection in auto-commit mode: each revision in a
 * transaction of its own where DDL is transactional, statement by statement elsewhere.
 */
final class ConnectionSink implements MigrationSink {
    private final Connection conn;
    private final boolean transactional;
    private final List<String> sinceBegin = new ArrayList<>();
    private Transaction tx;

    ConnectionSink(Connection conn) {
        this.conn = conn;
        this.transactional = conn.dialect().supports(Capability.TRANSACTIONAL_DDL);
    }

    @Override
    public boolean online() {
        return true;
    }

    @Override
    public Dialect dialect() {
        return conn.dialect();
    }

    @Override
    public void ddl(String sql) {
        conn.execute(text(sql));
        sinceBegin.add(sql);
    }

    @Override
    public void statement(Executable statement) {
        try (Result r = conn.execute(statement)) {
            r.rowCount();
        }
        sinceBegin.add(statement.toString());
    }

    @Override
    public void check(String sql, String problem) {
        List<Row> rows = conn.execute(text(sql)).all();
        sinceBegin.add(sql);
        if (!rows.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (Row row : rows.subList(0, Math.min(rows.size(), 20))) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    values.add(row.get(i));
                }
                lines.add(values.toString());
            }
            throw new OperationException(problem + ": " + String.join(", ", lines)
                    + (rows.size() > 20 ? " and " + (rows.size() - 20) + " more" : "")
                    + ". Fix or remove those rows in the revision before the change.");
        }
    }

    @Override
    public void run(DataMigration work) {
        sinceBegin.add("(the data migration code of ops.run)");
        work.migrate(conn);
    }

    @Override
    public Optional<Inspector> inspector() {
        return Optional.of(conn.inspector());
    }

    @Override
    public void begin(boolean transaction) {
        sinceBegin.clear();
        if (transactional && transaction) {
            tx = conn.begin();
        }
    }

    @Override
    public void beginVersionChange() {
        if (tx == null) {
            tx = conn.begin();
        }
    }

    @Override
    public void commit() {
        if (tx != null) {
            tx.commit();
            tx = null;
        }
    }

    @Override
    public void rollback() {
        if (tx != null) {
            Transaction t = tx;
            tx = null;
            if (t.isActive()) {
                t.rollback();
            }
        }
    }

    @Override
    public List<String> sinceBegin() {
        return List.copyOf(sinceBegin);
    }

    @Override
    public void note(String text) {
        // Online, the statements themselves are logged by the engine.
    }
}
