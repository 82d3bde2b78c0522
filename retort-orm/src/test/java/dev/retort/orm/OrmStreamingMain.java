package dev.retort.orm;

import dev.retort.engine.Engine;
import dev.retort.orm.model.WideRow;
import dev.retort.sql.TextClause;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;

/**
 * Fills {@code wide_row} with numbered rows of 300 characters, then reads them as entities in a
 * JVM with a small heap; {@link StreamMemoryTest} runs it in a child process. Arguments: URL,
 * {@code stream} ({@code Session.stream}) or {@code all} (a query read in full), row count.
 * Prints {@code rows=N sum=S held=H} (H: rows the session's identity map held at the end).
 */
public final class OrmStreamingMain {
    /** Numbered rows from six joined digit lists (no recursion limit applies), each with the pad. */
    static final TextClause FILL = text("INSERT INTO wide_row (id, pad) WITH d (x) AS (SELECT 0 UNION ALL SELECT 1 "
            + "UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL "
            + "SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9), seq (n) AS (SELECT 1 + a.x + 10 * b.x + 100 * c.x "
            + "+ 1000 * e.x + 10000 * f.x + 100000 * g.x FROM d a, d b, d c, d e, d f, d g) "
            + "SELECT n, :pad FROM seq WHERE n <= :rows");

    private OrmStreamingMain() {
    }

    /**
     * @param args URL, mode, rows
     */
    public static void main(String[] args) {
        String url = args[0];
        boolean stream = args[1].equals("stream");
        long rows = Long.parseLong(args[2]);
        String pad = "x".repeat(300);
        long count = 0;
        long sum = 0;
        try (Engine engine = Engine.create(url)) {
            Registry.of(WideRow.class).metadata().createAll(engine);
            Session.runInTransaction(engine, s -> s.execute(FILL.bind("rows", rows).bind("pad", pad)).close());
            try (Session session = Session.open(engine)) {
                Iterator<WideRow> it;
                Stream<WideRow> opened = null;
                if (stream) {
                    opened = session.stream(select(WideRow.class));
                    it = opened.iterator();
                } else {
                    List<WideRow> all = session.scalars(select(WideRow.class)).all();
                    it = all.iterator();
                }
                while (it.hasNext()) {
                    WideRow row = it.next();
                    count++;
                    sum += row.id;
                    if (row.pad.length() != 300) {
                        throw new IllegalStateException("bad row " + row.id);
                    }
                }
                if (opened != null) {
                    opened.close();
                }
                System.out.println("rows=" + count + " sum=" + sum + " held=" + session.identityMapSize());
            }
        }
    }
}
