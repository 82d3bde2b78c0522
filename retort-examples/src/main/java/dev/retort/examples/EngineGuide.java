package dev.retort.examples;

import dev.retort.DatabaseException;
import dev.retort.IsolationLevel;
import dev.retort.UniqueViolationException;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineOptions;
import dev.retort.engine.ListenerRegistration;
import dev.retort.engine.Result;
import dev.retort.engine.RetryPolicy;
import dev.retort.engine.Row;
import dev.retort.engine.StatementEvent;
import dev.retort.engine.StatementListener;
import dev.retort.engine.StatementOutcome;
import dev.retort.engine.Transaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.retort.sql.Statements.text;

/**
 * The samples of {@code docs/engine.md}. Each method takes an engine on an empty database and
 * returns what it found, so the test can run it on every database and check the answer.
 */
public final class EngineGuide {
    private EngineGuide() {
    }

    /**
     * Makes engines from URLs and options; returns the dialect names.
     *
     * @param postgresUrl a PostgreSQL URL (nothing is connected)
     * @return the names of the dialects chosen
     */
    public static List<String> creatingEngines(String postgresUrl) {
        // tag::create[]
        Engine memory = Engine.create("sqlite://");                      // in-memory SQLite
        Engine file = Engine.create("sqlite:///build/app.db");           // relative to the working directory
        Engine server = Engine.create(postgresUrl, EngineOptions.builder()
                .poolSize(20)                                            // at most 20 connections
                .maxWait(Duration.ofSeconds(5))                          // then PoolTimeoutException
                .isolationLevel(IsolationLevel.REPEATABLE_READ)
                .hideParameters(true)                                    // keep values out of logs and errors
                .build());
        // end::create[]
        List<String> names = List.of(memory.dialect().name(), file.dialect().name(), server.dialect().name());
        memory.close();
        file.close();
        server.close();
        return names;
    }

    /**
     * Creates a table and fills it in one transaction.
     *
     * @param engine an engine on an empty database
     * @return the number of rows in the table
     */
    public static long commitAsYouGo(Engine engine) {
        // tag::commit-as-you-go[]
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner VARCHAR(50) NOT NULL, "
                    + "balance INTEGER NOT NULL CHECK (balance >= 0))"));
            conn.execute(text("INSERT INTO accounts (id, owner, balance) VALUES (:id, :owner, :balance)")
                    .bind("id", 1).bind("owner", "ada").bind("balance", 100));
            conn.executeMany(text("INSERT INTO accounts (id, owner, balance) VALUES (:id, :owner, :balance)"),
                    List.of(Map.of("id", 2, "owner", "grace", "balance", 50),
                            Map.of("id", 3, "owner", "edsger", "balance", 0)));
            conn.commit();                  // the first statement began a transaction; this ends it
        }                                   // closing rolls back anything not committed
        // end::commit-as-you-go[]
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT COUNT(*) FROM accounts")).scalar(Long.class);
        }
    }

    /**
     * Moves money between accounts in a transaction that commits or rolls back as a whole.
     *
     * @param engine an engine with the accounts table
     * @return the balances afterwards, by id
     */
    public static List<Long> transfer(Engine engine) {
        // tag::in-transaction[]
        engine.runInTransaction(conn -> {
            conn.execute(text("UPDATE accounts SET balance = balance - :amount WHERE id = :id")
                    .bind("amount", 30).bind("id", 1));
            conn.execute(text("UPDATE accounts SET balance = balance + :amount WHERE id = :id")
                    .bind("amount", 30).bind("id", 2));
        });                                 // committed; an exception would have rolled both back
        // end::in-transaction[]
        try {
            engine.runInTransaction(conn -> {
                conn.execute(text("UPDATE accounts SET balance = balance + 500 WHERE id = 2"));
                conn.execute(text("UPDATE accounts SET balance = balance - 500 WHERE id = 3"));
            });
        } catch (DatabaseException e) {
            // The CHECK constraint refused the second update: the first one was rolled back too.
        }
        return balances(engine);
    }

    /**
     * Uses an explicit transaction and a savepoint.
     *
     * @param engine an engine with the accounts table
     * @return the owners afterwards
     */
    public static List<String> savepoints(Engine engine) {
        // tag::savepoint[]
        try (Connection conn = engine.connect(); Transaction tx = conn.begin()) {
            conn.execute(text("INSERT INTO accounts (id, owner, balance) VALUES (4, 'barbara', 10)"));
            try (Transaction savepoint = conn.beginNested()) {
                conn.execute(text("INSERT INTO accounts (id, owner, balance) VALUES (1, 'duplicate', 0)"));
                savepoint.commit();
            } catch (UniqueViolationException e) {
                // the savepoint was rolled back when its try block closed; barbara is still there
            }
            tx.commit();
        }
        // end::savepoint[]
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT owner FROM accounts ORDER BY id")).scalars(String.class).all();
        }
    }

    /**
     * Runs a transaction that is retried on serialization failures and deadlocks.
     *
     * @param engine an engine with the accounts table
     * @return the balance of account 3 afterwards
     */
    public static long retrying(Engine engine) {
        // tag::retry[]
        RetryPolicy policy = RetryPolicy.maxAttempts(5).withBackoff(Duration.ofMillis(20), Duration.ofSeconds(1));
        long newBalance = engine.inTransaction(policy, conn -> {
            long balance = conn.execute(text("SELECT balance FROM accounts WHERE id = :id").bind("id", 3))
                    .scalar(Long.class);
            conn.execute(text("UPDATE accounts SET balance = :b WHERE id = :id").bind("b", balance + 5).bind("id", 3));
            return balance + 5;
        });
        // end::retry[]
        return newBalance;
    }

    /** An account row as a record. */
    // tag::record[]
    public record Account(long id, String owner, long balance) {
    }
    // end::record[]

    /**
     * Reads results in the different shapes a Result offers.
     *
     * @param engine an engine with the accounts table
     * @return a description of what was read
     */
    public static List<String> results(Engine engine) {
        List<String> seen = new ArrayList<>();
        // tag::results[]
        try (Connection conn = engine.connect()) {
            for (Row row : conn.execute(text("SELECT id, owner FROM accounts ORDER BY id"))) {
                seen.add(row.getLong("id") + "=" + row.getString("owner"));
            }
            long total = conn.execute(text("SELECT SUM(balance) FROM accounts")).scalar(Long.class);
            List<String> owners = conn.execute(text("SELECT owner FROM accounts ORDER BY owner"))
                    .scalars(String.class).all();
            Optional<Row> richest = conn.execute(text("SELECT owner FROM accounts ORDER BY balance DESC")).first();
            Account ada = conn.execute(text("SELECT * FROM accounts WHERE owner = :o").bind("o", "ada"))
                    .into(Account.class).one();
            List<Map<String, Object>> maps = conn.execute(text("SELECT id, owner FROM accounts")).mappings().all();
            seen.add("total " + total + ", owners " + owners + ", richest " + richest.orElseThrow().getString(0)
                    + ", " + ada + ", " + maps.size() + " maps");
        }
        // end::results[]
        return seen;
    }

    /**
     * Streams a result in chunks.
     *
     * @param engine an engine with the accounts table
     * @return the number of rows and chunks read
     */
    public static String streaming(Engine engine) {
        int rows = 0;
        int chunks = 0;
        // tag::stream[]
        try (Connection conn = engine.connect();
             Result result = conn.stream(text("SELECT id, owner, balance FROM accounts"), 500)) {
            for (List<Row> chunk : result.partitions(2)) {   // rows arrive 500 per round trip
                chunks++;
                rows += chunk.size();
            }
        }
        // end::stream[]
        return rows + " rows in " + chunks + " chunks";
    }

    /**
     * Watches statements with a listener and catches a classified error.
     *
     * @param engine an engine with the accounts table
     * @return the listener's lines and the error's class
     */
    public static List<String> listenersAndErrors(Engine engine) {
        List<String> log = new ArrayList<>();
        // tag::listener[]
        StatementListener timing = new StatementListener() {
            @Override
            public void afterExecute(StatementEvent event, StatementOutcome outcome) {
                log.add(String.format("%s (%d rows, %.2f ms)", event.sql(), outcome.rowCount(),
                        outcome.durationNanos() / 1e6));
            }
        };
        try (ListenerRegistration registration = engine.addListener(timing);
             Connection conn = engine.connect()) {
            conn.execute(text("UPDATE accounts SET balance = balance + 1 WHERE id = :id").bind("id", 1));
            conn.execute(text("INSERT INTO accounts (id, owner, balance) VALUES (:id, :owner, :balance)")
                    .bind("id", 1).bind("owner", "again").bind("balance", 1));
        } catch (UniqueViolationException e) {
            log.add(e.getClass().getSimpleName() + ": " + e.sql() + " with " + e.parameterCount() + " parameters");
        }
        // end::listener[]
        return log;
    }

    private static List<Long> balances(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT balance FROM accounts ORDER BY id")).scalars(Long.class).all();
        }
    }
}
