package dev.retort.bench;

import dev.retort.dialect.CompiledStatement;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.engine.Engine;
import dev.retort.schema.Column;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import dev.retort.sql.Select;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.references;
import static dev.retort.sql.Statements.select;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.varchar;

/**
 * Scenario 6: compiling a five-table join with ten predicates for PostgreSQL: without a cache
 * (cold) and through the engine's statement cache (warm); and the same with the statement built
 * anew each time (a new object of the same shape, found in the cache by its structure).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CompileBench {
    private final Dialect dialect = new PostgresDialect();
    private Engine engine;
    private Column<Long>[] ids;
    private Column<String>[] names;
    private Column<Long>[] parents;
    private Table[] tables;

    /** Defines the five tables; the engine is never connected (compiling needs no database). */
    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void define() {
        engine = Engine.create("postgresql://postgres@127.0.0.1:5432/test");
        MetaData md = new MetaData();
        tables = new Table[5];
        ids = new Column[5];
        names = new Column[5];
        parents = new Column[5];
        for (int i = 0; i < 5; i++) {
            Table.Builder b = Table.builder("t" + i).metadata(md).column("id", BIGINT, PRIMARY_KEY).column("name", varchar(40));
            if (i > 0) {
                b.column("parent_id", BIGINT, references(ids[i - 1]));
            }
            tables[i] = b.build();
            ids[i] = tables[i].column("id", Long.class);
            names[i] = tables[i].column("name", String.class);
            parents[i] = i > 0 ? tables[i].column("parent_id", Long.class) : null;
        }
        built = build();              // the statement the compile-only benchmarks reuse
        engine.compile(built);
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    Select build() {
        Select s = select(ids[0], names[0], names[1], names[2], names[3], names[4]).from(tables[0]);
        for (int i = 1; i < 5; i++) {
            s = s.join(tables[i], parents[i].eq(ids[i - 1]));
        }
        for (int i = 0; i < 5; i++) {
            s = s.where(names[i].like("a%")).where(ids[i].gt(10L));
        }
        return s.orderBy(names[0]).limit(50);
    }

    private Select built;


    /**
     * Compile with no cache.
     *
     * @return what the work produced, consumed by JMH
     */
    @Benchmark
    public CompiledStatement cold() {
        return dialect.compile(built);
    }

    /**
     * Compile through the engine's cache (the shape was compiled before).
     *
     * @return what the work produced, consumed by JMH
     */
    @Benchmark
    public CompiledStatement warm() {
        return engine.compile(built);
    }

    /**
     * Build the statement anew, then compile with no cache.
     *
     * @return what the work produced, consumed by JMH
     */
    @Benchmark
    public CompiledStatement buildCold() {
        return dialect.compile(build());
    }

    /**
     * Build the statement anew, then compile through the cache (found by its structure).
     *
     * @return what the work produced, consumed by JMH
     */
    @Benchmark
    public CompiledStatement buildWarm() {
        return engine.compile(build());
    }
}
