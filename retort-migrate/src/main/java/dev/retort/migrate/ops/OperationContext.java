package dev.retort.migrate.ops;

import dev.retort.dialect.DdlCompiler;
import dev.retort.dialect.Dialect;
import dev.retort.reflect.ReflectedTable;
import dev.retort.schema.Table;
import dev.retort.sql.Executable;

import java.util.List;
import java.util.Optional;

/** What an operation renders with while a plan runs: the dialect, its DDL compiler and the sink. */
final class OperationContext {
    private final StatementSink sink;
    private final DdlCompiler ddl;
    private boolean rebuilt;

    OperationContext(StatementSink sink) {
        this.sink = sink;
        this.ddl = sink.dialect().newDdlCompiler();
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
        sink.ddl(sql);
    }

    void ddl(List<String> statements) {
        for (String s : statements) {
            sink.ddl(s);
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
