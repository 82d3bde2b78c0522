package dev.retort.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchReportTest {

    /** One JMH JSON entry, as JMH writes it (an events counter summed over two iterations). */
    private static String entry(String benchmark, String db, double score, Double statements) {
        String secondary = "\"gc.alloc.rate.norm\": {\"score\": 1000.0}"
                + (statements == null ? "" : ", \"statements\": {\"score\": " + (2 * statements)
                + ", \"scorePercentiles\": {\"50.0\": " + statements + "}, \"rawData\": [[" + statements + ", " + statements + "]]}");
        return "{\"benchmark\": \"dev.retort.bench." + benchmark + "\", \"params\": {\"db\": \"" + db + "\"}, "
                + "\"primaryMetric\": {\"score\": " + score + ", \"scoreError\": 0.5, \"scoreUnit\": \"ms/op\"}, "
                + "\"secondaryMetrics\": {" + secondary + "}}";
    }

    @Test
    void tablesInScenarioOrderWithRatiosAndStatementsPerOperation(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("jmh.json");
        Files.writeString(json, "[" + String.join(",",
                entry("StreamBench.jooq", "sqlite", 30.0, null),
                entry("StreamBench.jdbc", "sqlite", 10.0, null),
                entry("RelationshipLoadBench.orm", "postgresql", 6.0, 3.0),
                entry("RelationshipLoadBench.jdbc", "postgresql", 2.0, 1.0),
                entry("RelationshipLoadBench.hibernateJoinFetch", "sqlite", 9.0, 1.0),
                entry("RelationshipLoadBench.jdbc", "sqlite", 3.0, 1.0)) + "]");

        List<BenchReport.Result> results = BenchReport.sorted(BenchReport.read(json));
        String md = BenchReport.markdown(results, "benchmarks.svg", "test");

        assertThat(results).extracting(r -> r.scenario() + "/" + r.db() + "/" + r.contender()).containsExactly(
                "RelationshipLoadBench/sqlite/jdbc", "RelationshipLoadBench/sqlite/hibernateJoinFetch",
                "RelationshipLoadBench/postgresql/jdbc", "RelationshipLoadBench/postgresql/orm",
                "StreamBench/sqlite/jdbc", "StreamBench/sqlite/jooq");
        assertThat(md).contains("Hibernate ORM ", "jOOQ 3.19");
        assertThat(md.indexOf("## 5. Load 1,000 parents")).isLessThan(md.indexOf("## 7. Stream 1,000,000 rows"));
        assertThat(md).contains("| postgresql | orm | 6.000 ± 0.500 ms/op | 3.00x | 1,000 B | 3 |");
        assertThat(md).contains("| sqlite | hibernateJoinFetch | 9.000 ± 0.500 ms/op | 3.00x | 1,000 B | 1 |");
        assertThat(md).contains("| sqlite | jooq | 30.000 ± 0.500 ms/op | 3.00x | 1,000 B |\n");
        assertThat(BenchReport.ratios(results)).containsEntry("7. Stream 1,000,000 rows with a 64 MB heap (sqlite): jooq", 3.0);
        assertThat(BenchReport.Chart.svg(BenchReport.ratios(results))).contains("3.00x");
    }

    @Test
    void dirtyCheckingComparesFlushesWithTheLoadAndWithoutADatabaseWithTheInMemoryFlush(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("jmh.json");
        Files.writeString(json, "[" + String.join(",",
                entry("DirtyCheckBench.trackedScan", "-", 0.02, null),
                entry("DirtyCheckBench.flushClean", "sqlite", 0.5, 0.0),
                entry("DirtyCheckBench.load", "sqlite", 10.0, null),
                entry("DirtyCheckBench.hibernateFlushClean", "sqlite", 2.0, 0.0),
                entry("DirtyCheckBench.flushCleanInMemory", "-", 0.4, 0.0),
                entry("AccessorBench.generated", "-", 3.0, null)) + "]"
                .replace(", \"params\": {\"db\": \"-\"}", ""));     // JMH writes no params for a benchmark without any

        List<BenchReport.Result> results = BenchReport.sorted(BenchReport.read(json));
        String md = BenchReport.markdown(results, "benchmarks.svg", "test");

        assertThat(results).extracting(r -> r.scenario() + "/" + r.db() + "/" + r.contender()).containsExactly(
                "AccessorBench/-/generated",
                "DirtyCheckBench/sqlite/load", "DirtyCheckBench/sqlite/flushClean", "DirtyCheckBench/sqlite/hibernateFlushClean",
                "DirtyCheckBench/-/flushCleanInMemory", "DirtyCheckBench/-/trackedScan");
        assertThat(md.indexOf("## 8. Fill 100,000 entities")).isLessThan(md.indexOf("## 9. Dirty checking of 10,000 loaded entities at flush"));
        assertThat(md).contains("| database | contender | score | vs load (no database: vs flushCleanInMemory) | allocated per op | statements per op |");
        assertThat(md).contains("| sqlite | flushClean | 0.500 ± 0.500 ms/op | 0.05x | 1,000 B | 0 |");
        assertThat(md).contains("| sqlite | hibernateFlushClean | 2.000 ± 0.500 ms/op | 0.20x | 1,000 B | 0 |");
        assertThat(md).contains("| - | trackedScan | 0.020 ± 0.500 ms/op | 0.05x | 1,000 B |  |");
        assertThat(BenchReport.ratios(results)).containsEntry("9. Dirty checking of 10,000 loaded entities at flush (-): trackedScan", 0.02 / 0.4);
    }
}
