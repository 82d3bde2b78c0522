package dev.retort.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns JMH's JSON results into {@code docs/benchmarks.md} (a table per scenario: each
 * contender's score, its ratio to raw JDBC measured in the same run, its allocation per operation
 * and, where the scenario counts them, the statements it sent) and {@code docs/benchmarks.svg}
 * (the ratios as bars).
 */
public final class BenchReport {
    private BenchReport() {
    }

    /** One measured benchmark. */
    record Result(String scenario, String contender, String db, double score, double error, String unit, double allocBytes,
                  double statements) {
    }

    /** What the report says about a scenario: its number (the order of the tables), title and description. */
    private record Scenario(int number, String title, String description) {
    }

    private static final Map<String, Scenario> SCENARIOS = Map.of(
            "BulkInsertBench", new Scenario(1, "Bulk insert of 100,000 rows",
                    "One transaction. JDBC: one prepared statement, batches of 1,000. Core: a multi-row INSERT "
                            + "in chunks. ORM and `hibernate`: every object added to one session, one flush, generated "
                            + "keys set on the objects. `hibernateStateless`: `insertMultiple` in chunks of 1,000. "
                            + "`jooq`: the batch API with bind values (one INSERT rendered once), batches of 1,000; "
                            + "`jooqLoader`: the loader API, the same batches."),
            "LoadBench", new Scenario(2, "Load 100,000 rows as objects",
                    "JDBC and `jooq`: into plain records. Core: its rows. ORM and `hibernate`: entities in a new "
                            + "session; `ormReflective`: the same without the generated accessor (a JVM run with "
                            + "`-Dretort.orm.reflectiveAccessors=true`); `hibernateStateless`: entities in a stateless session."),
            "GetByIdBench", new Scenario(3, "10,000 selects by primary key",
                    "JDBC: one prepared statement reused. Core: one cached statement shape. ORM and `hibernate`: a "
                            + "new session per get. `hibernateStateless`: one stateless session. `jooq`: the query built "
                            + "for each id, in one transaction."),
            "SingleInsertBench", new Scenario(4, "2,000 single-row inserts, each in its own transaction",
                    "JDBC: one connection and prepared statement, a commit per row. The others open their unit of "
                            + "work per row as their documentation shows (Core `runInTransaction`, ORM "
                            + "`Session.runInTransaction`, Hibernate `inTransaction` / `inStatelessTransaction`, jOOQ "
                            + "`transaction`), taking a pooled connection each time."),
            "RelationshipLoadBench", new Scenario(5, "Load 1,000 parents with 10 children each",
                    "Each contender's best strategy; the statements column counts the SQL statements (round trips) "
                            + "one load sent, by each library's own means (Retort statement listener, Hibernate "
                            + "statement inspector, jOOQ execute listener, counted by hand for JDBC). JDBC and Core: one "
                            + "LEFT JOIN. ORM: select-in loading (up to 5,000 parent keys per statement); `ormJoined`: `joinedLoad` "
                            + "(one LEFT JOIN, each parent once). `hibernateJoinFetch`: "
                            + "`left join fetch`; `hibernateSubselect`: `@Fetch(SUBSELECT)`. `jooqMultiset`: MULTISET "
                            + "(children nested as JSON); `jooqTwoQueries`: parents, and children with `fetchGroups`."),
            "CompileBench", new Scenario(6, "Compile a 5-table join with 10 predicates",
                    "Retort only; the baseline is the compile without a cache."),
            "AccessorBench", new Scenario(8, "Fill 100,000 entities from column values (no database)",
                    "Retort only: make each entity, write its fields from a row's values and read them back, as "
                            + "loading and dirty checking do; `generated` through the accessor the annotation processor "
                            + "wrote, `reflective` through VarHandles (a JVM run with "
                            + "`-Dretort.orm.reflectiveAccessors=true`). The baseline is the generated accessor."),
            "DirtyCheckBench", new Scenario(9, "Dirty checking of 10,000 loaded entities at flush",
                    "Retort and Hibernate, whose default dirty checking also compares each object with a snapshot "
                            + "taken at load. `load` and `hibernateLoad`: the 10,000 rows as entities into a new session, "
                            + "the scale the flushes compare with (the baseline of the database rows). `flushClean` and "
                            + "`hibernateFlushClean`: a flush of one session holding them, none changed (the comparison "
                            + "alone, no SQL); `flushChanged` and `hibernateFlushChanged`: 1% changed, then a flush (100 "
                            + "UPDATEs in one batch; the iteration's transaction is rolled back). Without a database (`-`): "
                            + "`flushCleanInMemory`, the same clean flush on an in-memory SQLite session (the baseline); "
                            + "`snapshotLoop`, the comparison without the session around it (column values read through the "
                            + "generated accessor and compared with a snapshot); what tracked setters (a bit per column in a "
                            + "`long` mask) would cost instead: `trackedScan` scans the 10,000 masks, `trackedQueue` visits "
                            + "only a queue of changed objects (empty), `trackedQueueChanged` changes 1% through the setters "
                            + "and visits them. Times in microseconds. Tracked setters would need bytecode enhancement or setters "
                            + "the application must call; Retort keeps snapshots, since a clean flush costs about a tenth of "
                            + "the load or less (the decision, with the numbers it was made on: docs/orm.md, \"Changing and "
                            + "deleting\")."),
            "StreamBench", new Scenario(7, "Stream 1,000,000 rows with a 64 MB heap",
                    "Every contender runs in a JVM with `-Xmx64m`, which cannot hold the result: a contender that "
                            + "buffers fails. JDBC: forward-only, fetch size 1,000, auto-commit off. Core: "
                            + "`Connection.stream`. ORM: `Session.stream`, whose entities the session does not keep "
                            + "(they come back detached); `ormPaged`, for comparison: pages of 10,000 by key, a session "
                            + "per page, as without a stream. `hibernateStateless`: a forward-only `ScrollableResults` in a "
                            + "stateless session. `jooq`: `fetchLazy` with a fetch size."));

    /** The order of contenders in a table. */
    private static final List<String> CONTENDERS = List.of("jdbc", "cold", "warm", "buildCold", "buildWarm", "core", "orm",
            "ormReflective", "ormPaged", "load", "flushClean", "flushChanged", "flushCleanInMemory", "snapshotLoop",
            "trackedScan", "trackedQueue", "trackedQueueChanged", "hibernate", "hibernateJoinFetch", "hibernateSubselect",
            "hibernateStateless", "hibernateLoad", "hibernateFlushClean", "hibernateFlushChanged", "jooq", "jooqLoader",
            "jooqMultiset", "jooqTwoQueries");
    private static final List<String> DATABASES = List.of("sqlite", "postgresql", "-");

    /**
     * @param args the JMH JSON file, the Markdown file to write (the SVG goes beside it), and the JMH options of the run
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path json = Path.of(args[0]);
        Path markdown = Path.of(args[1]);
        String options = args.length > 2 ? args[2] : "";
        List<Result> results = sorted(read(json));
        Path svg = markdown.resolveSibling("benchmarks.svg");
        Files.writeString(svg, Chart.svg(ratios(results)));
        Files.writeString(markdown, markdown(results, svg.getFileName().toString(), options));
        System.out.println("Wrote " + markdown + " and " + svg);
    }

    static List<Result> read(Path json) throws IOException {
        List<Result> out = new ArrayList<>();
        for (JsonNode n : new ObjectMapper().readTree(json.toFile())) {
            String[] parts = n.get("benchmark").asText().split("\\.");
            String scenario = parts[parts.length - 2].replace("ReflectiveBench", "Bench");
            String contender = parts[parts.length - 1];
            String db = n.path("params").path("db").asText("-");
            JsonNode primary = n.get("primaryMetric");
            JsonNode metrics = n.path("secondaryMetrics");
            JsonNode alloc = metrics.has("gc.alloc.rate.norm") ? metrics.get("gc.alloc.rate.norm") : metrics.path("·gc.alloc.rate.norm");
            // JMH sums an events counter over the iterations; each iteration's value is the per-operation count.
            JsonNode statements = metrics.path("statements").path("scorePercentiles").path("50.0");
            out.add(new Result(scenario, contender, db, primary.get("score").asDouble(), primary.path("scoreError").asDouble(Double.NaN),
                    primary.get("scoreUnit").asText(), alloc.isMissingNode() ? Double.NaN : alloc.get("score").asDouble(),
                    statements.isMissingNode() ? Double.NaN : statements.asDouble()));
        }
        return out;
    }

    /** Results by scenario number, then database, then contender. */
    static List<Result> sorted(List<Result> results) {
        List<Result> out = new ArrayList<>(results);
        out.sort(Comparator.comparingInt((Result r) -> number(r.scenario()))
                .thenComparing(Result::scenario)
                .thenComparingInt(r -> rank(DATABASES, r.db()))
                .thenComparingInt(r -> rank(CONTENDERS, r.contender()))
                .thenComparing(Result::contender));
        return out;
    }

    private static int rank(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? order.size() : i;
    }

    private static int number(String scenario) {
        Scenario s = SCENARIOS.get(scenario);
        return s == null ? Integer.MAX_VALUE : s.number();
    }

    /**
     * The ratio of each contender to the baseline of its scenario and database (raw JDBC; for compiling the cold compile,
     * for the accessors the generated one, for dirty checking the load or, without a database, the in-memory flush).
     *
     * @param results the results
     * @return the ratios, labelled "scenario (database): contender"
     */
    static Map<String, Double> ratios(List<Result> results) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Result r : results) {
            Result base = baseline(results, r);
            if (base != null && base != r) {
                out.put(shortTitle(r.scenario()) + " (" + r.db() + "): " + r.contender(), r.score() / base.score());
            }
        }
        return out;
    }

    private static Result baseline(List<Result> results, Result r) {
        String name = baselineName(r);
        for (Result b : results) {
            if (b.scenario().equals(r.scenario()) && b.db().equals(r.db()) && b.contender().equals(name)) {
                return b;
            }
        }
        return null;
    }

    /** The contender a result is compared with: raw JDBC, except in the scenarios that have none. */
    private static String baselineName(Result r) {
        return switch (r.scenario()) {
            case "CompileBench" -> "cold";
            case "AccessorBench" -> "generated";
            case "DirtyCheckBench" -> r.db().equals("-") ? "flushCleanInMemory" : "load";
            default -> "jdbc";
        };
    }

    /** The heading of a table's ratio column. */
    private static String versus(String scenario) {
        return switch (scenario) {
            case "CompileBench" -> "vs cold";
            case "AccessorBench" -> "vs generated";
            case "DirtyCheckBench" -> "vs load (no database: vs flushCleanInMemory)";
            default -> "vs raw JDBC";
        };
    }

    private static String title(String scenario) {
        Scenario s = SCENARIOS.get(scenario);
        return s == null ? scenario : s.number() + ". " + s.title();
    }

    private static String shortTitle(String scenario) {
        Scenario s = SCENARIOS.get(scenario);
        return s == null ? scenario : s.number() + ". " + s.title().split(", ")[0];
    }

    /** The versions of the libraries measured, as found on the classpath of the run. */
    static String versions() {
        return "Hibernate ORM " + org.hibernate.Version.getVersionString()
                + ", jOOQ " + org.jooq.Constants.FULL_VERSION + " (open-source edition)"
                + ", PostgreSQL JDBC " + org.postgresql.util.DriverInfo.DRIVER_VERSION
                + ", SQLite JDBC " + org.sqlite.SQLiteJDBCLoader.getVersion();
    }

    static String markdown(List<Result> results, String chart, String options) {
        StringBuilder b = new StringBuilder();
        b.append("# Benchmarks\n\n");
        b.append("Written by `BenchReport` from the last JMH run (`mvn -pl retort-bench -am package -DskipTests -Pbench`); ")
                .append("do not edit by hand. Every contender ran in the same run, on the same database, on this machine: ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(". Absolute times vary from run to run; the ratios to raw ")
                .append("JDBC measured in the same run are the figures that count. JMH options of this run: `")
                .append(options.isBlank() ? "defaults" : options).append("`.\n\n");
        b.append("Contenders: raw JDBC (`jdbc`, the baseline), Retort Core (`core`), Retort ORM (`orm...`), ")
                .append(versions()).append(". Hibernate is configured as its documentation advises for speed ")
                .append("(JDBC batches of 1,000, ordered inserts and updates, no second-level cache, no statistics, the ")
                .append("pool's connections already out of auto-commit); its entities are its own JPA classes on the same ")
                .append("tables. On PostgreSQL its `bench_row` keys come from a pooled sequence (increment 1,000), so its ")
                .append("inserts batch; SQLite has no sequences and Hibernate's table emulation of one needs a second ")
                .append("write transaction, which a SQLite file cannot run beside the first, so there the keys are the ")
                .append("rowid and Hibernate inserts row by row. A `hibernate` contender uses a `Session` (the same unit ")
                .append("of work as Retort ORM), `hibernateStateless` a `StatelessSession` (Hibernate's path for bulk ")
                .append("work). jOOQ is used through its DSL without code generation. Hibernate and jOOQ take their ")
                .append("connections from a HikariCP pool set up as the Retort engine's own. A contender missing from a ")
                .append("table failed in this run (in scenario 7: ran out of memory); the JMH log says why.\n\n");
        b.append("![ratios to raw JDBC](").append(chart).append(")\n\n");
        Map<String, List<Result>> byScenario = new LinkedHashMap<>();
        for (Result r : results) {
            byScenario.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Result>> e : byScenario.entrySet()) {
            b.append("## ").append(title(e.getKey())).append("\n\n");
            Scenario s = SCENARIOS.get(e.getKey());
            if (s != null) {
                b.append(s.description()).append("\n\n");
            }
            boolean counted = e.getValue().stream().anyMatch(r -> !Double.isNaN(r.statements()));
            b.append("| database | contender | score | ").append(versus(e.getKey())).append(" | allocated per op |")
                    .append(counted ? " statements per op |" : "").append('\n');
            b.append("| --- | --- | --- | --- | --- |").append(counted ? " --- |" : "").append('\n');
            for (Result r : e.getValue()) {
                Result base = baseline(results, r);
                String ratio = base == null ? "" : String.format(Locale.ROOT, "%.2fx", r.score() / base.score());
                b.append("| ").append(r.db()).append(" | ").append(r.contender()).append(" | ")
                        .append(Double.isNaN(r.error()) ? String.format(Locale.ROOT, "%.3f %s", r.score(), r.unit())
                                : String.format(Locale.ROOT, "%.3f ± %.3f %s", r.score(), r.error(), r.unit())).append(" | ")
                        .append(ratio).append(" | ")
                        .append(Double.isNaN(r.allocBytes()) ? "" : String.format(Locale.ROOT, "%,.0f B", r.allocBytes())).append(" |");
                if (counted) {
                    b.append(' ').append(Double.isNaN(r.statements()) ? "" : String.format(Locale.ROOT, "%.0f", r.statements())).append(" |");
                }
                b.append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** A horizontal bar chart of ratios, as SVG. */
    static final class Chart {
        /** Bars longer than this ratio are cut (the label still gives the ratio). */
        static final double CAP = 10.0;

        private Chart() {
        }

        static String svg(Map<String, Double> ratios) {
            int rowHeight = 22;
            int longest = ratios.keySet().stream().mapToInt(String::length).max().orElse(40);
            int labelWidth = 20 + (int) Math.ceil(longest * 6.6);
            int barWidth = 360;
            double max = Math.min(CAP, Math.max(2.0, ratios.values().stream().mapToDouble(Double::doubleValue).max().orElse(2.0)));
            Map<String, Integer> groups = new TreeMap<>();
            String last = null;
            int gaps = 0;
            for (String label : ratios.keySet()) {
                String group = label.substring(0, label.indexOf(':'));
                if (last != null && !group.equals(last)) {
                    gaps++;
                }
                groups.put(label, gaps);
                last = group;
            }
            int height = 40 + rowHeight * ratios.size() + 8 * gaps;
            StringBuilder s = new StringBuilder();
            s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelWidth + barWidth + 110)
                    .append("\" height=\"").append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
            s.append("<text x=\"10\" y=\"20\" font-weight=\"bold\">Time relative to each scenario's baseline (mostly raw JDBC), ")
                    .append("lower is better; bars longer than ").append(String.format(Locale.ROOT, "%.0fx", CAP)).append(" are cut</text>\n");
            double one = labelWidth + barWidth / max;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"28\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"4\"/>%n",
                    one, one, height - 4));
            int row = 0;
            for (Map.Entry<String, Double> e : ratios.entrySet()) {
                int y = 34 + rowHeight * row++ + 8 * groups.get(e.getKey());
                double w = barWidth * Math.min(e.getValue(), max) / max;
                s.append("<text x=\"10\" y=\"").append(y + 14).append("\">").append(escape(e.getKey())).append("</text>\n");
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>%n",
                        labelWidth, y + 2, w, e.getValue() <= 1.1 ? "#4a8" : e.getValue() <= 1.5 ? "#db4" : "#d64"));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.2fx%s</text>%n", labelWidth + w + 4, y + 14, e.getValue(),
                        e.getValue() > max ? " (cut)" : ""));
            }
            return s.append("</svg>\n").toString();
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
