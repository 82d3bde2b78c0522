package dev.retort.bench;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.MappedColumn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Scenario 8 (Retort only): what the ORM does with each row's values, without a database: make
 * 100,000 entities, write their fields from column values and read them back (as loading and
 * dirty checking do), through the accessor the annotation processor generated and, in a JVM
 * told to ignore it ({@code -Dretort.orm.reflectiveAccessors=true}), through VarHandles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AccessorBench {
    static final int ROWS = 100_000;
    private EntityMapping<BenchRow> mapping;
    private Object[][] rows;

    /**
     * Builds the column values of every row, in the mapping's column order.
     */
    @Setup(Level.Trial)
    public void values() {
        mapping = EntityMapping.of(BenchRow.class);
        boolean reflective = Boolean.getBoolean("retort.orm.reflectiveAccessors");
        if (mapping.usesGeneratedAccessor() == reflective) {
            throw new IllegalStateException("BenchRow's mapping does not use the accessor this benchmark measures");
        }
        rows = new Object[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            Object[] v = new Object[mapping.columns().size()];
            for (MappedColumn c : mapping.columns()) {
                String name = c.column().name();
                v[c.index()] = name.equals("name") ? "row " + i : (Object) (long) i;
            }
            rows[i] = v;
        }
    }

    /**
     * Through the generated accessor.
     *
     * @return a sum over the values read back, consumed by JMH
     */
    @Benchmark
    public long generated() {
        return fill();
    }

    /**
     * Through VarHandles, in its own JVM.
     *
     * @return a sum over the values read back, consumed by JMH
     */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dretort.orm.reflectiveAccessors=true")
    public long reflective() {
        return fill();
    }

    private long fill() {
        long sum = 0;
        for (Object[] values : rows) {
            BenchRow e = mapping.instantiate(values);
            Object[] back = mapping.read(e);
            sum += back.length + (back[0] == values[0] ? 1 : 0);
        }
        return sum;
    }
}
