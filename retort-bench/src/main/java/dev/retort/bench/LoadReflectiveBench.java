package dev.retort.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 2 for the ORM without the generated accessor: the same load, in a JVM told to reach
 * fields through VarHandles ({@code -Dretort.orm.reflectiveAccessors=true}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dretort.orm.reflectiveAccessors=true")
public class LoadReflectiveBench {

    /**
     * Fills the table once per trial.
     *
     * @param d the trial's database
     */
    @Setup(Level.Trial)
    public void fill(BenchDatabase d) {
        d.fill(LoadBench.ROWS);
    }

    /**
     * Retort ORM entities through VarHandles.
     *
     * @param d the trial's database
     * @return what the work produced, consumed by JMH
     */
    @Benchmark
    public List<BenchRow> ormReflective(BenchDatabase d) {
        return LoadBench.loadEntities(d);
    }
}
