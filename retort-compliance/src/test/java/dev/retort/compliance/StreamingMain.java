package dev.retort.compliance;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineOptions;
import dev.retort.engine.Result;
import dev.retort.engine.Row;
import dev.retort.sql.TextClause;

import static dev.retort.sql.Statements.text;

/**
 * Reads a generated result of many wide rows in a JVM with a small heap; {@link StreamingTest}
 * runs it in a child process. Arguments: URL, {@code stream} or {@code execute}, row count,
 * {@code autocommit} or {@code transaction}. Prints {@code rows=N sum=S}.
 */
public final class StreamingMain {
    /** Up to a million numbered rows from six joined digit lists; no recursion limit applies. */
    static final TextClause ROWS = text("WITH d (x) AS (SELECT 0 UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 "
            + "UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 "
            + "UNION ALL SELECT 9), seq (n) AS (SELECT 1 + a.x + 10 * b.x + 100 * c.x + 1000 * e.x + 10000 * f.x "
            + "+ 100000 * g.x FROM d a, d b, d c, d e, d f, d g) "
            + "SELECT n, :pad AS pad FROM seq WHERE n <= :rows ORDER BY n");

    private StreamingMain() {
    }

    public static void main(String[] args) {
        String url = args[0];
        boolean stream = args[1].equals("stream");
        long rows = Long.parseLong(args[2]);
        boolean autocommit = args[3].equals("autocommit");
        TextClause query = ROWS.bind("rows", rows).bind("pad", "x".repeat(300));
        long count = 0;
        long sum = 0;
        try (Engine engine = Engine.create(url, EngineOptions.builder().autocommit(autocommit).build());
             Connection c = engine.connect();
             Result result = stream ? c.stream(query) : c.execute(query)) {
            for (Row row : result) {
                count++;
                sum += row.getLong(0);
                if (row.getString(1).length() != 300) {
                    throw new IllegalStateException("bad row " + row);
                }
            }
        }
        System.out.println("rows=" + count + " sum=" + sum);
    }
}
