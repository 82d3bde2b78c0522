package dev.retort.bench;

import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import static org.jooq.impl.DSL.name;

/**
 * jOOQ (open-source edition) on a benchmark database: a {@link DSLContext} on the trial's HikariCP
 * pool, with the tables written by hand ({@link DSL#table} and typed {@link DSL#field}s, no code
 * generation) and execute logging off (jOOQ's advice for production speed). An execute listener
 * counts the statements sent.
 */
final class JooqContender {
    static {
        // jOOQ prints a logo and a tip at its first use; not in the benchmark output.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    static final Table<Record> ROW = DSL.table(name("bench_row"));
    static final Field<Long> ROW_ID = DSL.field(name("bench_row", "id"), SQLDataType.BIGINT);
    static final Field<String> ROW_NAME = DSL.field(name("bench_row", "name"), SQLDataType.VARCHAR(40));
    static final Field<Long> ROW_AMOUNT = DSL.field(name("bench_row", "amount"), SQLDataType.BIGINT);

    static final Table<Record> PARENT = DSL.table(name("bench_parent"));
    static final Field<Long> PARENT_ID = DSL.field(name("bench_parent", "id"), SQLDataType.BIGINT);
    static final Field<String> PARENT_NAME = DSL.field(name("bench_parent", "name"), SQLDataType.VARCHAR(40));

    static final Table<Record> CHILD = DSL.table(name("bench_child"));
    static final Field<Long> CHILD_ID = DSL.field(name("bench_child", "id"), SQLDataType.BIGINT);
    static final Field<Long> CHILD_PARENT_ID = DSL.field(name("bench_child", "parent_id"), SQLDataType.BIGINT);
    static final Field<String> CHILD_NAME = DSL.field(name("bench_child", "name"), SQLDataType.VARCHAR(40));
    static final Field<Long> CHILD_AMOUNT = DSL.field(name("bench_child", "amount"), SQLDataType.BIGINT);

    final DSLContext ctx;
    private long statements;

    JooqContender(BenchDatabase d) {
        SQLDialect dialect = d.sqlite() ? SQLDialect.SQLITE : SQLDialect.POSTGRES;
        ctx = DSL.using(d.pool(), dialect, new Settings().withExecuteLogging(false));
        ctx.configuration().set(ExecuteListener.onExecuteStart(e -> statements++));
    }

    /** The statements jOOQ has sent so far (benchmarks run on one thread). */
    long statements() {
        return statements;
    }
}
