package dev.retort.migrate;

import dev.retort.CompileException;
import dev.retort.dialect.Capability;
import dev.retort.dialect.CompiledStatement;
import dev.retort.dialect.DdlCompiler;
import dev.retort.dialect.Dialect;
import dev.retort.migrate.ops.DataMigration;
import dev.retort.migrate.ops.OperationException;
import dev.retort.reflect.Inspector;
import dev.retort.sql.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records a migration's statements for an offline script: each statement compiled as a
 * connection would compile it, plus the script text with bound values written as literals.
 */
final class ScriptSink implements MigrationSink {
    private final Dialect dialect;
    private final DdlCompiler literals;
    private final boolean transactional;
    private final List<ScriptStatement> statements = new ArrayList<>();
    private final List<String> sinceBegin = new ArrayList<>();
    private boolean inTransaction;
    private final StringBuilder text = new StringBuilder();

    ScriptSink(Dialect dialect) {
        this.dialect = dialect;
        this.literals = dialect.newDdlCompiler();
        this.transactional = dialect.supports(Capability.TRANSACTIONAL_DDL);
    }

    OfflineScript script() {
        return new OfflineScript(statements, text.toString());
    }

    @Override
    public boolean online() {
        return false;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void ddl(String sql) {
        add(sql, List.of());
    }

    @Override
    public void statement(Executable statement) {
        CompiledStatement compiled = dialect.compile(statement);
        Map<String, Object> bound = statement.boundValues();
        List<Object> values = new ArrayList<>();
        for (String name : compiled.parameterNames()) {
            if (!bound.containsKey(name)) {
                throw new OperationException("Offline, the statement " + compiled.sql() + " has no value for parameter :"
                        + name + "; bind every value into the statement (text(...).bind(name, value)).");
            }
            values.add(bound.get(name));
        }
        add(compiled.sql(), values);
    }

    @Override
    public void check(String sql, String problem) {
        add(sql, List.of());
    }

    @Override
    public void run(DataMigration work) {
        throw new OperationException("Offline mode cannot render Java code run on the connection (ops.run(...)): "
                + "there is no database. Write the change as statements with ops.execute(...), or skip the code "
                + "when ops.isOffline().");
    }

    @Override
    public Optional<Inspector> inspector() {
        return Optional.empty();
    }

    @Override
    public void begin(boolean transaction) {
        sinceBegin.clear();
        inTransaction = transactional && transaction;
        if (inTransaction) {
            text.append("BEGIN;\n");
        } else if (transactional) {
            comment("without a transaction: a statement of this revision cannot run inside one");
        }
    }

    @Override
    public void beginVersionChange() {
        if (!inTransaction) {
            inTransaction = true;
            text.append("BEGIN;\n");
        }
    }

    @Override
    public void commit() {
        if (inTransaction) {
            text.append("COMMIT;\n");
        }
        inTransaction = false;
    }

    @Override
    public void rollback() {
        // A script is rendered whole or not at all.
    }

    @Override
    public List<String> sinceBegin() {
        return List.copyOf(sinceBegin);
    }

    @Override
    public void comment(String line) {
        text.append("-- ").append(line.replace('\n', ' ')).append('\n');
    }

    @Override
    public void note(String line) {
        text.append("\n-- ").append(line.replace('\n', ' ')).append('\n');
    }

    private void add(String sql, List<Object> values) {
        statements.add(new ScriptStatement(sql, values));
        sinceBegin.add(sql);
        text.append(inline(sql, values)).append(";\n");
    }

    /** The SQL with each {@code ?} placeholder replaced by its value as a literal; {@code ??} is a literal {@code ?}. */
    private String inline(String sql, List<Object> values) {
        if (values.isEmpty() && sql.indexOf('?') < 0) {
            return sql;
        }
        StringBuilder b = new StringBuilder();
        char quote = 0;
        int next = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                b.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                b.append(c);
            } else if (c == '?' && i + 1 < sql.length() && sql.charAt(i + 1) == '?') {
                b.append('?');
                i++;
            } else if (c == '?') {
                Object value = values.get(next++);
                try {
                    b.append(literals.literal(value));
                } catch (CompileException e) {
                    throw new OperationException("Offline, the value of parameter " + next + " of " + sql + " (a "
                            + value.getClass().getName() + ") has no SQL literal form: " + e.getMessage()
                            + " Render this revision online, or write the value with a SQL expression.");
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
