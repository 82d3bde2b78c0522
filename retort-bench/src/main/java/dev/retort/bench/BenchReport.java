package dev.retort.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results into {@code docs/benchmarks.md} (a table per scenario: each
 * contender's score, its ratio to raw JDBC measured in the same run, and its allocation per
 * operation) and {@code docs/benchmarks.svg} (the ratios as bars).
 */
public final class BenchReport {
    private BenchReport() {
    }

    /** One measured benchmark. */
    record Result(String scenario, String contender, String db, double score, double error, String unit, double allocBytes) {
    }

    /**
     * @param args the JMH JSON file and the Markdown file to write (the SVG goes beside it)
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path json = Path.of(args[0]);
        Path markdown = Path.of(args[1]);
        String options = args.length > 2 ? args[2] : "";
        List<Result> results = read(json);
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
            out.add(new Result(scenario, contender, db, primary.get("score").asDouble(), primary.path("scoreError").asDouble(Double.NaN),
                    primary.get("scoreUnit").asText(), alloc.isMissingNode() ? Double.NaN : alloc.get("score").asDouble()));
        }
        return out;
    }

    /**
     * The ratio of each contender to the baseline of its scenario and database (raw JDBC; for compiling, the cold compile).
     *
     * @param results the results
     * @return what the work produced, consumed by JMH
     */
    static Map<String, Double> ratios(List<Result> results) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Result r : results) {
            Result base = baseline(results, r);
            if (base != null && base != r) {
                out.put(title(r.scenario()) + " (" + r.db() + "): " + r.contender(), r.score() / base.score());
            }
        }
        return out;
    }

    private static Result baseline(List<Result> results, Result r) {
        String name = r.scenario().equals("CompileBench") ? "cold" : "jdbc";
        for (Result b : results) {
            if (b.scenario().equals(r.scenario()) && b.db().equals(r.db()) && b.contender().equals(name)) {
                return b;
            }
        }
        return null;
    }

    private static String title(String scenario) {
        return switch (scenario) {
            case "BulkInsertBench" -> "1. Bulk insert of 100,000 rows";
            case "LoadBench" -> "2. Load 100,000 rows as objects";
            case "GetByIdBench" -> "3. 10,000 selects by primary key";
            case "CompileBench" -> "6. Compile a 5-table join with 10 predicates";
            default -> scenario;
        };
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
        b.append("![ratios to raw JDBC](").append(chart).append(")\n\n");
        Map<String, List<Result>> byScenario = new LinkedHashMap<>();
        for (Result r : results) {
            byScenario.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Result>> e : byScenario.entrySet()) {
            b.append("## ").append(title(e.getKey())).append("\n\n");
            boolean compile = e.getKey().equals("CompileBench");
            b.append("| database | contender | score | ").append(compile ? "vs cold" : "vs raw JDBC").append(" | allocated per op |\n");
            b.append("| --- | --- | --- | --- | --- |\n");
            for (Result r : e.getValue()) {
                Result base = baseline(results, r);
                String ratio = base == null ? "" : String.format(Locale.ROOT, "%.2fx", r.score() / base.score());
                b.append("| ").append(r.db()).append(" | ").append(r.contender()).append(" | ")
                        .append(String.format(Locale.ROOT, "%.3f ± %.3f %s", r.score(), r.error(), r.unit())).append(" | ")
                        .append(ratio).append(" | ")
                        .append(Double.isNaN(r.allocBytes()) ? "" : String.format(Locale.ROOT, "%,.0f B", r.allocBytes())).append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** A horizontal bar chart of ratios, as SVG. */
    static final class Chart {
        private Chart() {
        }

        static String svg(Map<String, Double> ratios) {
            int rowHeight = 22;
            int labelWidth = 420;
            int barWidth = 360;
            double max = Math.max(2.0, ratios.values().stream().mapToDouble(Double::doubleValue).max().orElse(2.0));
            int height = 40 + rowHeight * ratios.size();
            StringBuilder s = new StringBuilder();
            s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelWidth + barWidth + 80)
                    .append("\" height=\"").append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
            s.append("<text x=\"10\" y=\"20\" font-weight=\"bold\">Time relative to the baseline (raw JDBC; cold compile), lower is better</text>\n");
            double one = labelWidth + barWidth / max;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"28\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"4\"/>%n",
                    one, one, height - 4));
            int y = 34;
            for (Map.Entry<String, Double> e : ratios.entrySet()) {
                double w = barWidth * e.getValue() / max;
                s.append("<text x=\"10\" y=\"").append(y + 14).append("\">").append(escape(e.getKey())).append("</text>\n");
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>%n",
                        labelWidth, y + 2, w, e.getValue() <= 1.1 ? "#4a8" : e.getValue() <= 1.5 ? "#db4" : "#d64"));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.2fx</text>%n", labelWidth + w + 4, y + 14, e.getValue()));
                y += rowHeight;
            }
            return s.append("</svg>\n").toString();
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
