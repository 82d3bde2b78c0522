package dev.retort.migrate.ops;

import dev.retort.dialect.DdlCompiler;
import dev.retort.dialect.Dialect;
import dev.retort.reflect.ReflectedTable;
import dev.retort.schema.Table;
import dev.retort.sql.Executable;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What an operation renders with while a plan runs: the dialect, its DDL compiler and the sink. */
final class OperationContext {
    private final StatementSink sink;
    private final DdlCompiler ddl;
    private final OnlineForms forms;
    private UnaryOperator<String> rewrite = UnaryOperator.identity();
    private boolean rebuilt;

    OperationContext(StatementSink sink) {
        this.sink = sink;
        this.ddl = sink.dialect().newDdlCompiler();
        this.forms = OnlineForms.of(sink.dialect());
    }

    OnlineForms forms() {
        return forms;
    }

    /** Runs work with each DDL statement it sends rewritten (into its online form). */
    void rewriting(UnaryOperator<String> how, Runnable work) {
        UnaryOperator<String> before = rewrite;
        rewrite = how;
        try {
            work.run();
        } finally {
            rewrite = before;
        }
    }

    Dialect dialect() {
        return sink.dialect();
    }

    DdlCompiler ddl() {
        return ddl;
    }

    StatementSink sink() {
        return sink;
    }

    void ddl(String sql) {
        sink.ddl(rewrite.apply(sql));
    }

    void ddl(List<String> statements) {
        for (String s : statements) {
            ddl(s);
        }
    }

    void statement(Executable statement) {
        sink.statement(statement);
    }

    boolean offline() {
        return sink.inspector().isEmpty();
    }

    /**
     * A table's current shape: from the definition given, else read from the live database.
     *
     * @return the shape, or empty offline without a definition
     */
    Optional<TableShape> currentShape(String schema, String table, Table definition) {
        if (definition != null) {
            return Optional.of(TableShape.of(definition));
        }
        return sink.inspector().map(i -> {
            ReflectedTable reflected = i.table(schema, table);
            return TableShape.of(reflected);
        });
    }

    void markRebuilt() {
        rebuilt = true;
    }

    boolean rebuilt() {
        return rebuilt;
    }
}
