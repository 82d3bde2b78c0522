package dev.retort.engine;

import dev.retort.DatabaseException;
import dev.retort.InvalidStateException;
import dev.retort.IsolationLevel;
import dev.retort.ParameterException;
import dev.retort.dialect.CompiledStatement;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.ValueCodec;
import dev.retort.sql.Executable;
import dev.retort.types.SqlType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A connection checked out of an {@link Engine}'s pool: runs statements and transactions.
 *
 * <p><b>Transactions.</b> Unless the connection is in auto-commit mode, the first statement
 * begins a transaction implicitly, and {@link #commit()} or {@link #rollback()} ends it
 * ("commit as you go"). {@link #begin()} begins one explicitly and returns a {@link Transaction}
 * handle; {@link #beginNested()} makes a savepoint. Closing the connection rolls back whatever
 * was not committed and returns it to the pool.
 *
 * <pre>{@code
 * try (Connection conn = engine.connect()) {
 *     conn.execute(text("INSERT INTO users (name) VALUES (:name)").bind("name", "ada"));
 *     conn.commit();
 * }
 * }</pre>
 *
 * <p><b>Values.</b> Parameters the statement types ({@link Executable#parameterTypes()}) are bound
 * through the dialect's codec for their type, provided the value is of the type's Java class
 * (a value of another class given at execution time is bound untyped); the others go to
 * {@link Dialect#bind}. Result columns the statement types ({@link Executable#resultTypes()})
 * are read through the codecs too; the others as the driver returns them.
 *
 * <p>Not thread-safe: use a connection on one thread at a time. Nothing here holds a monitor
 * across a JDBC call, so it is safe on virtual threads.
 */
public final class Connection implements AutoCloseable {
    /**
     * Parameter sets sent per JDBC batch by {@link #executeMany}: bounds what the driver buffers
     * for a large batch, at one round trip per thousand rows.
     */
    private static final int BATCH_CHUNK = 1000;
    private final Engine engine;
    private final java.sql.Connection jdbc;
    private final Dialect dialect;
    private final Boolean restoreAutocommit;
    private final Integer restoreIsolation;
    private final PreparedStatementCache statements;
    private final List<Result> openResults = new ArrayList<>(2);
    private final ArrayDeque<NestedTransaction> savepoints = new ArrayDeque<>();
    private boolean autocommit;
    private RootTransaction transaction;
    private int openStreams;
    private boolean closed;
    private int savepointCounter;

    Connection(Engine engine, java.sql.Connection jdbc, Dialect dialect, boolean autocommit, Boolean restoreAutocommit,
               Integer restoreIsolation, PreparedStatementCache statements) {
        this.statements = statements;
        this.engine = engine;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.autocommit = autocommit;
        this.restoreAutocommit = restoreAutocommit;
        this.restoreIsolation = restoreIsolation;
    }

    // ---- statements -------------------------------------------------------------------------

    /**
     * Runs a statement with the values bound into it.
     *
     * @param statement the statement
     * @return its rows or row count
     * @throws DatabaseException (a classified subclass) if the database reports an error
     * @throws ParameterException if a parameter has no value
     */
    public Result execute(Executable statement) {
        return execute(statement, null);
    }

    /**
     * Runs a statement with parameter values given now; they override values bound into it.
     *
     * @param statement the statement
     * @param parameters parameter names mapped to values, or {@code null}
     * @return its rows or row count
     * @throws ParameterException if a parameter has no value or a name is not a parameter
     */
    public Result execute(Executable statement, Map<String, ?> parameters) {
        if (statement instanceof dev.retort.sql.Insert insert && tooManyParameters(insert)) {
            return executeInChunks(insert, parameters);
        }
        return run(statement, parameters, 0);
    }

    private boolean tooManyParameters(dev.retort.sql.Insert insert) {
        int perRow = insert.columns().size();
        return insert.fromSelect() == null && perRow > 0 && insert.rowCount() > 1
                && (long) perRow * insert.rowCount() > dialect.maxParameters();
    }

    /**
     * Sends a multi-row INSERT too large for one statement in chunks of as many rows as the
     * database's parameter limit allows, in one transaction (begun here in auto-commit mode).
     */
    private Result executeInChunks(dev.retort.sql.Insert insert, Map<String, ?> parameters) {
        int chunk = Math.max(1, (dialect.maxParameters() - 64) / insert.columns().size());
        int chunks = (insert.rowCount() + chunk - 1) / chunk;
        return runAll(chunks, i -> run(insert.slice(i * chunk, Math.min(insert.rowCount(), (i + 1) * chunk)),
                parameters, 0), "(chunked INSERT)");
    }

    /**
     * Runs statements one after the other in one transaction (begun here in auto-commit mode) and
     * adds up their counts, or gathers their returned rows in order into one buffered result.
     */
    private Result runAll(int count, java.util.function.IntFunction<Result> part, String label) {
        boolean ownTransaction = autocommit && transaction == null;
        Transaction tx = ownTransaction ? begin() : null;
        try {
            long total = 0;
            List<Row> returned = new ArrayList<>();
            ColumnIndex columns = null;
            for (int i = 0; i < count; i++) {
                Result r = part.apply(i);
                if (r.returnsRows()) {
                    columns = r.columnIndex();
                    returned.addAll(r.all());
                } else if (r.rowCount() >= 0 && total >= 0) {
                    total += r.rowCount();
                } else {
                    total = -1;
                }
            }
            if (tx != null) {
                tx.commit();
            }
            return columns != null ? Result.ofBuffered(columns, returned, returned.size(), label)
                    : Result.ofCount(total, label);
        } catch (RuntimeException | Error e) {
            if (tx != null && tx.isActive()) {
                try {
                    tx.rollback();
                } catch (RuntimeException r) {
                    e.addSuppressed(r);
                }
            }
            throw e;
        }
    }

    /**
     * Runs a query and streams its rows: the driver fetches the engine's
     * {@code streamFetchSize} rows per round trip instead of reading the whole result, so
     * memory stays flat however many rows there are. On PostgreSQL this needs a transaction;
     * in auto-commit mode one is opened for the stream and committed when the result closes.
     * Close the result (try-with-resources) when done.
     *
     * @param statement the query
     * @return the rows, read as they are iterated
     */
    public Result stream(Executable statement) {
        return stream(statement, engine.options().streamFetchSize());
    }

    /**
     * Runs a query and streams its rows with a given fetch size.
     *
     * @param statement the query
     * @param fetchSize rows per round trip, at least 1
     * @return the rows, read as they are iterated
     */
    public Result stream(Executable statement, int fetchSize) {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("stream(statement, fetchSize): fetchSize must be at least 1, got " + fetchSize);
        }
        return run(statement, null, fetchSize);
    }

    /**
     * Runs a statement once per parameter set, as a JDBC batch (sent a thousand sets at a time;
     * more than that run in one transaction, begun here in auto-commit mode, so that a set failing
     * in a later batch leaves none written).
     *
     * <p>A data change with {@code returning(...)} cannot be a JDBC batch (batches return counts,
     * not rows). A one-row INSERT whose values are parameters goes as multi-row
     * {@code INSERT ... VALUES (...), (...) RETURNING} pages of up to 1,000 rows where the database
     * has INSERT ... RETURNING; any other runs once per set. Either way it runs in one transaction
     * and the result holds the returned rows of every set in order.
     *
     * @param statement the statement, usually an INSERT, UPDATE or DELETE
     * @param parameterSets one map of parameter values per execution
     * @return the total row count (-1 if the driver does not report counts), or the returned rows
     * @throws ParameterException naming the set and parameter, if one lacks a value
     */
    public Result executeMany(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        ensureOpen();
        if (parameterSets == null) {
            throw new IllegalArgumentException("executeMany(statement, parameterSets): parameterSets is null");
        }
        ExecutionPlan plan = engine.plan(statement);
        CompiledStatement compiled = plan.compiled();
        // Statements that return rows cannot be a JDBC batch: they run once per set.
        boolean returnsRows = !statement.resultTypes().isEmpty() || compiled.generatedKey() != null;
        if (parameterSets.isEmpty()) {
            return returnsRows ? Result.ofBuffered(new ColumnIndex(List.of()), List.of(), 0, compiled.sql())
                    : Result.ofCount(0, compiled.sql());
        }
        List<Object[]> sets = new ArrayList<>(parameterSets.size());
        for (int i = 0; i < parameterSets.size(); i++) {
            sets.add(resolve(plan, statement, parameterSets.get(i), i));
        }
        if (returnsRows) {
            InsertManyValues pages = parameterSets.size() > 1 ? InsertManyValues.of(statement, plan, dialect) : null;
            if (pages != null) {
                // INSERT ... RETURNING for many sets: multi-row VALUES pages, rows returned in order.
                int size = pages.rowsPerPage();
                return runAll((parameterSets.size() + size - 1) / size, p -> {
                    InsertManyValues.Page page = pages.page(engine, sets, p * size,
                            Math.min(parameterSets.size(), (p + 1) * size));
                    // Rows are read by the caller's expressions, not the shared template's (a copy of
                    // the first statement of this shape).
                    return run(page.insert(), page.plan(), page.values(), 0, statement.resultExpressions());
                }, compiled.sql());
            }
            // Each set with the values resolved above: a client-side default is made once per row.
            return runAll(parameterSets.size(), i -> run(statement, plan, sets.get(i), 0, statement.resultExpressions()),
                    compiled.sql());
        }
        if (sets.size() > BATCH_CHUNK && autocommit && transaction == null) {
            // Sent in several JDBC batches: in auto-commit mode each would commit on its own, and a
            // set failing in a later batch would leave the earlier ones written. One transaction.
            Transaction tx = begin();
            try {
                Result r = runBatch(statement, plan, sets);
                tx.commit();
                return r;
            } catch (RuntimeException | Error e) {
                if (tx.isActive()) {
                    try {
                        tx.rollback();
                    } catch (RuntimeException r) {
                        e.addSuppressed(r);
                    }
                }
                throw e;
            }
        }
        return runBatch(statement, plan, sets);
    }

    /** Runs a statement for resolved parameter sets as JDBC batches of {@link #BATCH_CHUNK} sets. */
    private Result runBatch(Executable statement, ExecutionPlan plan, List<Object[]> sets) {
        CompiledStatement compiled = plan.compiled();
        ExecutionPlan.TypedParameters typed = plan.parameters(statement);
        beforeStatement();
        StatementEvent event = engine.event(statement, compiled.sql(), sets);
        PreparedStatement ps = null;
        engine.fireBefore(event);
        boolean executed = false;
        try {
            ps = jdbc.prepareStatement(compiled.sql());
            long start = System.nanoTime();
            int[] counts = new int[sets.size()];
            for (int from = 0; from < sets.size(); from += BATCH_CHUNK) {
                int to = Math.min(sets.size(), from + BATCH_CHUNK);
                for (int i = from; i < to; i++) {
                    bindAll(ps, sets.get(i), typed);
                    ps.addBatch();
                }
                int[] chunk = ps.executeBatch();
                System.arraycopy(chunk, 0, counts, from, Math.min(chunk.length, to - from));
            }
            executed = true;
            long nanos = System.nanoTime() - start;
            long total = 0;
            long[] each = new long[counts.length];
            for (int i = 0; i < counts.length; i++) {
                each[i] = counts[i] < 0 ? -1 : counts[i];
                if (counts[i] < 0 || total < 0) {
                    total = -1;
                } else {
                    total += counts[i];
                }
            }
            engine.fireAfter(event, new StatementOutcome(nanos, total));
            return Result.ofBatch(total, each, compiled.sql());
        } catch (SQLException e) {
            throw fail(e, event, compiled.sql(), sets.get(0), sets.size());
        } catch (RuntimeException e) {
            if (!executed) {
                engine.fireAbort(event, e);
            }
            throw e;
        } finally {
            // Also after a codec's own exception (a JSON codec failing, a mapped type's conversion).
            closeQuietly(ps);
        }
    }

    private Result run(Executable statement, Map<String, ?> parameters, int fetchSize) {
        ensureOpen();
        ExecutionPlan plan = engine.plan(statement);
        return run(statement, plan, resolve(plan, statement, parameters, -1), fetchSize, statement.resultExpressions());
    }

    /**
     * Runs a statement with its placeholder values resolved; its rows are read by the given
     * expressions (the statement's own, or those of the statement a page of it stands for).
     */
    private Result run(Executable statement, ExecutionPlan plan, Object[] values, int fetchSize,
                       List<? extends dev.retort.sql.Expression<?>> resultExpressions) {
        CompiledStatement compiled = plan.compiled();
        ExecutionPlan.TypedParameters typed = plan.parameters(statement);
        ValueCodec<?>[] readers = plan.readers(statement);
        beforeStatement();
        // PostgreSQL streams only inside a transaction: in auto-commit mode the stream gets an
        // implicit one, tracked like any other and committed when the last open stream closes.
        boolean streamTransaction = fetchSize > 0 && autocommit && dialect.streamingNeedsTransaction()
                && (transaction == null || transaction.streaming);
        StatementEvent event = engine.event(statement, compiled.sql(), values);
        PreparedStatement ps = null;
        engine.fireBefore(event);
        boolean announced = false;
        try {
            if (streamTransaction) {
                if (transaction == null) {
                    jdbc.setAutoCommit(false);
                    transaction = new RootTransaction(true, null);
                    transaction.streaming = true;
                }
                openStreams++;
            }
            if (statements != null && fetchSize == 0 && compiled.generatedKey() == null) {
                ps = statements.lend(compiled.sql());      // null while an open result holds it
            }
            if (ps == null) {
                ps = compiled.generatedKey() == null ? jdbc.prepareStatement(compiled.sql())
                        : jdbc.prepareStatement(compiled.sql(), new String[] {compiled.generatedKey()});
            }
            if (fetchSize > 0) {
                dialect.enableStreaming(ps, fetchSize);
            }
            bindAll(ps, values, typed);
            long start = System.nanoTime();
            // A query runs through executeQuery: drivers do less for it (sqlite-jdbc's execute()
            // looks for generated keys with a regular expression at every call).
            ResultSet queried = isQuery(statement) ? ps.executeQuery() : null;
            boolean hasRows = queried != null || ps.execute();
            long nanos = System.nanoTime() - start;
            if (hasRows) {
                announced = true;
                engine.fireAfter(event, new StatementOutcome(nanos, -1));
                ResultSet rs = queried != null ? queried : ps.getResultSet();
                Result r = Result.ofRows(this, event, ps, rs, columnIndex(plan, statement, rs), compiled.sql(),
                        streamTransaction ? () -> endStream(true) : null, readers, resultExpressions);
                openResults.add(r);
                return r;
            }
            long count = ps.getUpdateCount();
            if (compiled.generatedKey() != null) {
                // INSERT ... returning(key) where the database has no RETURNING: the driver's keys.
                announced = true;
                engine.fireAfter(event, new StatementOutcome(nanos, count));
                Result r = Result.ofGeneratedKeys(this, event, ps, compiled.generatedKey(), compiled.sql(),
                        streamTransaction ? () -> endStream(true) : null, readers, resultExpressions);
                openResults.add(r);
                return r;
            }
            PreparedStatement done = ps;
            ps = null;
            statementDone(compiled.sql(), done, true);
            announced = true;
            engine.fireAfter(event, new StatementOutcome(nanos, count));
            if (streamTransaction) {
                endStream(true);
            }
            return Result.ofCount(count, compiled.sql());
        } catch (SQLException e) {
            statementDone(compiled.sql(), ps, false);
            // After afterExecute (reading the result's metadata failed) listeners have had their event.
            DatabaseException error = announced ? translate(e, compiled.sql(), Arrays.asList(values), 1)
                    : fail(e, event, compiled.sql(), values, 1);
            if (streamTransaction) {
                endStream(false);
            }
            throw error;
        } catch (RuntimeException e) {
            // A codec's own exception (a JSON codec failing, a mapped type's conversion) or a
            // result with fewer columns than types: free the statement before passing it on.
            statementDone(compiled.sql(), ps, false);
            if (!announced) {
                engine.fireAbort(event, e);
            }
            if (streamTransaction) {
                endStream(false);
            }
            throw e;
        }
    }

    /**
     * Runs one DDL statement rendered by the dialect (not user input), with the same events,
     * logging and error classification as other statements.
     */
    void executeDdl(String sql) {
        ensureOpen();
        beforeStatement();
        StatementEvent event = engine.event(null, sql, new Object[0]);
        engine.fireBefore(event);
        try (Statement st = jdbc.createStatement()) {
            long start = System.nanoTime();
            st.execute(sql);
            engine.fireAfter(event, new StatementOutcome(System.nanoTime() - start, -1));
        } catch (SQLException e) {
            throw fail(e, event, sql, new Object[0], 1);
        }
    }

    /** Whether a statement is a query of the expression language (it always returns rows). */
    private static boolean isQuery(Executable statement) {
        return statement instanceof dev.retort.sql.Select || statement instanceof dev.retort.sql.CompoundSelect;
    }

    /**
     * The labels of a result: remembered by the plan for statements whose SQL fixes them, so
     * that a statement run again does not read the driver's metadata label by label.
     */
    private static ColumnIndex columnIndex(ExecutionPlan plan, Executable statement, ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> known = plan.knownLabels();
        if (known != null && md.getColumnCount() == known.size()) {
            return new ColumnIndex(known);
        }
        ColumnIndex read = ColumnIndex.of(md);
        plan.recordLabels(statement, read.labels());
        return read;
    }

    /**
     * Frees a statement after its execution and result: a statement lent by the connection's
     * statement cache goes back to it (dropped after an error), any other is closed.
     */
    void statementDone(String sql, PreparedStatement ps, boolean healthy) {
        if (ps == null) {
            return;
        }
        if (statements != null && statements.owns(sql, ps)) {
            statements.giveBack(sql, ps, healthy);
        } else {
            closeQuietly(ps);
        }
    }

    @SuppressWarnings("unchecked")
    private void bindAll(PreparedStatement ps, Object[] values, ExecutionPlan.TypedParameters typed) throws SQLException {
        if (typed == null) {
            for (int i = 0; i < values.length; i++) {
                dialect.bind(ps, i + 1, values[i]);
            }
            return;
        }
        SqlType<?>[] types = typed.types();
        ValueCodec<?>[] codecs = typed.codecs();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            ValueCodec<?> codec = codecs[i];
            if (codec != null && types[i].accepts(value)) {
                ((ValueCodec<Object>) codec).bind(ps, i + 1, value);
            } else {
                dialect.bind(ps, i + 1, value);
            }
        }
    }

    /**
     * The value of each placeholder: from the execution-time map, else bound in the statement.
     * Each distinct name is looked up once; a map key that names no parameter is an error.
     */
    private Object[] resolve(ExecutionPlan plan, Executable statement, Map<String, ?> given, int setIndex) {
        ExecutionPlan.Slots slots = plan.slots();
        String[] names = slots.names();
        Object[] byName = new Object[names.length];
        Map<String, Object> bound = null;
        int found = 0;
        for (int n = 0; n < names.length; n++) {
            String name = names[n];
            Object v = given == null ? null : given.get(name);
            if (v != null || given != null && given.containsKey(name)) {
                byName[n] = v;
                found++;
                continue;
            }
            if (bound == null) {
                bound = statement.boundValues();
            }
            if (!bound.containsKey(name)) {
                throw new ParameterException("No value for parameter :" + name + (setIndex >= 0 ? " in parameter set "
                        + setIndex : "") + " of statement: " + abbreviate(plan.compiled().sql()) + ". Bind it with .bind(\""
                        + name + "\", value) or pass it in the parameter map.");
            }
            byName[n] = bound.get(name);
        }
        if (given != null && found < given.size()) {
            for (String key : given.keySet()) {
                if (!plan.parameterNames().contains(key)) {
                    throw new ParameterException("The parameter map" + (setIndex >= 0 ? " (set " + setIndex + ")" : "")
                            + " has a value for '" + key + "', which is not a parameter of statement: "
                            + abbreviate(plan.compiled().sql()) + ". Its parameters are "
                            + new java.util.LinkedHashSet<>(java.util.Arrays.asList(names)) + ".");
                }
            }
        }
        int[] slotOf = slots.slotOf();
        if (slotOf.length == names.length) {
            return byName;                        // each name used once, in placeholder order
        }
        Object[] values = new Object[slotOf.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = byName[slotOf[i]];
        }
        return values;
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 200 ? sql : sql.substring(0, 197) + "...";
    }

    private DatabaseException fail(SQLException e, StatementEvent event, String sql, Object[] values, int batchSize) {
        DatabaseException error = translate(e, sql, Arrays.asList(values), batchSize);
        engine.fireError(event, error);
        return error;
    }

    DatabaseException translate(SQLException e, String sql, List<Object> values, int batchSize) {
        return ErrorTranslator.translate(dialect, e, sql, values, batchSize, engine.options().hideParameters());
    }

    // ---- transactions -----------------------------------------------------------------------

    /** Marks that a statement runs: outside auto-commit mode this begins the implicit transaction. */
    void beforeStatement() {
        if (!autocommit && transaction == null) {
            transaction = new RootTransaction(true, null);
        }
    }

    /**
     * Begins a transaction explicitly.
     *
     * @return the transaction; commit it, or close it to roll back
     * @throws InvalidStateException if a transaction is already in progress
     */
    public Transaction begin() {
        return begin(null);
    }

    /**
     * Begins a transaction at an isolation level; the connection's level is restored when it ends.
     *
     * @param isolation the level, or {@code null} for the connection's own
     * @return the transaction
     * @throws InvalidStateException if a transaction is already in progress
     * @throws dev.retort.ConfigurationException if the database lacks the level
     */
    public Transaction begin(IsolationLevel isolation) {
        ensureOpen();
        if (transaction != null) {
            throw new InvalidStateException("A transaction is already in progress on this connection"
                    + (transaction.implicit ? " (begun implicitly by an earlier statement)" : "")
                    + ". Call commit() or rollback() first, or use beginNested() for a savepoint.");
        }
        Integer previous = null;
        try {
            if (isolation != null) {
                dialect.checkIsolationLevel(isolation);
                previous = jdbc.getTransactionIsolation();
                jdbc.setTransactionIsolation(isolation.jdbcLevel());
            }
            if (autocommit) {
                jdbc.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw translate(e, "BEGIN" + (isolation == null ? "" : " (isolation " + isolation.sqlName() + ")"), List.of(), 0);
        }
        transaction = new RootTransaction(false, previous);
        return transaction;
    }

    /**
     * Begins a savepoint. Without a transaction in progress, one begins implicitly first.
     *
     * @return the savepoint; commit releases it, rollback undoes the work since it began
     * @throws InvalidStateException in auto-commit mode without an explicit transaction
     */
    public Transaction beginNested() {
        ensureOpen();
        if (autocommit && transaction == null) {
            throw new InvalidStateException("beginNested(): a savepoint needs a transaction, and this connection is in "
                    + "auto-commit mode. Call begin() first.");
        }
        beforeStatement();
        try {
            Savepoint sp = jdbc.setSavepoint("retort_sp_" + (++savepointCounter));
            NestedTransaction nested = new NestedTransaction(sp);
            savepoints.push(nested);
            return nested;
        } catch (SQLException e) {
            throw translate(e, "SAVEPOINT", List.of(), 0);
        }
    }

    /** Commits the transaction in progress, if any. */
    public void commit() {
        ensureOpen();
        if (transaction != null) {
            transaction.commit();
        }
    }

    /** Rolls back the transaction in progress, if any. */
    public void rollback() {
        ensureOpen();
        if (transaction != null) {
            transaction.rollback();
        }
    }

    /** @return whether a transaction (explicit or implicit) is in progress */
    public boolean inTransaction() {
        return transaction != null;
    }

    /**
     * Switches auto-commit mode. In it, each statement commits by itself unless a transaction is
     * begun with {@link #begin()}.
     *
     * @param autocommit whether to auto-commit
     * @throws InvalidStateException if a transaction is in progress
     */
    public void setAutocommit(boolean autocommit) {
        ensureOpen();
        if (transaction != null) {
            throw new InvalidStateException("Cannot change auto-commit mode while a transaction is in progress; "
                    + "commit() or rollback() first.");
        }
        try {
            jdbc.setAutoCommit(autocommit);
        } catch (SQLException e) {
            throw translate(e, "SET AUTOCOMMIT " + autocommit, List.of(), 0);
        }
        this.autocommit = autocommit;
    }

    /** @return whether the connection is in auto-commit mode */
    public boolean isAutocommit() {
        return autocommit;
    }

    /**
     * Sets the isolation level for the transactions this connection runs from now on.
     *
     * @param level the level
     * @throws InvalidStateException if a transaction is in progress
     * @throws dev.retort.ConfigurationException if the database lacks the level
     */
    public void setIsolationLevel(IsolationLevel level) {
        ensureOpen();
        dialect.checkIsolationLevel(level);
        if (transaction != null) {
            throw new InvalidStateException("Cannot change the isolation level while a transaction is in progress; "
                    + "commit() or rollback() first, or pass the level to begin(level).");
        }
        try {
            jdbc.setTransactionIsolation(level.jdbcLevel());
        } catch (SQLException e) {
            throw translate(e, "SET TRANSACTION ISOLATION LEVEL " + level.sqlName(), List.of(), 0);
        }
    }

    /**
     * Asks the server which isolation level is in force, with a query (not the driver's
     * cached value). Counts as a statement: outside auto-commit mode it begins a transaction.
     *
     * @return the level
     */
    public IsolationLevel isolationLevel() {
        ensureOpen();
        beforeStatement();
        try {
            return dialect.queryIsolationLevel(jdbc);
        } catch (SQLException e) {
            throw translate(e, "(query of the isolation level)", List.of(), 0);
        }
    }

    /** A stream ended; the last one to end commits (or, after a failure, rolls back) its transaction. */
    private void endStream(boolean commit) {
        openStreams--;
        if (closed || openStreams > 0 || transaction == null || !transaction.streaming || !transaction.active) {
            return;
        }
        if (commit) {
            transaction.commit();
        } else {
            transaction.rollback();
        }
    }

    private void endTransaction(RootTransaction t) {
        t.active = false;
        for (NestedTransaction n : savepoints) {
            n.active = false;
        }
        savepoints.clear();
        transaction = null;
        try {
            if (t.previousIsolation != null) {
                jdbc.setTransactionIsolation(t.previousIsolation);
            }
            if (autocommit) {
                jdbc.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e, "(restoring isolation and auto-commit after the transaction)", List.of(), 0);
        }
    }

    private final class RootTransaction implements Transaction {
        private final boolean implicit;
        private final Integer previousIsolation;
        private boolean active = true;
        /** Opened for streams in auto-commit mode; committed when the last stream closes. */
        private boolean streaming;

        RootTransaction(boolean implicit, Integer previousIsolation) {
            this.implicit = implicit;
            this.previousIsolation = previousIsolation;
        }

        @Override
        public void commit() {
            checkActive(this.active, "commit");
            try {
                jdbc.commit();
            } catch (SQLException e) {
                DatabaseException error = translate(e, "COMMIT", List.of(), 0);
                rollbackQuietly(error);
                throw error;
            }
            endTransaction(this);
        }

        @Override
        public void rollback() {
            checkActive(this.active, "roll back");
            try {
                jdbc.rollback();
            } catch (SQLException e) {
                throw translate(e, "ROLLBACK", List.of(), 0);
            } finally {
                endTransaction(this);
            }
        }

        private void rollbackQuietly(Throwable failure) {
            try {
                jdbc.rollback();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
            try {
                endTransaction(this);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public boolean isNested() {
            return false;
        }

        @Override
        public void close() {
            if (active && !closed) {
                rollback();
            }
        }
    }

    private final class NestedTransaction implements Transaction {
        private final Savepoint savepoint;
        private boolean active = true;

        NestedTransaction(Savepoint savepoint) {
            this.savepoint = savepoint;
        }

        @Override
        public void commit() {
            checkActive(active, "release");
            try {
                jdbc.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                throw translate(e, "RELEASE SAVEPOINT", List.of(), 0);
            } finally {
                endThisAndInner();
            }
        }

        @Override
        public void rollback() {
            checkActive(active, "roll back");
            try {
                jdbc.rollback(savepoint);
            } catch (SQLException e) {
                throw translate(e, "ROLLBACK TO SAVEPOINT", List.of(), 0);
            } finally {
                endThisAndInner();
            }
        }

        private void endThisAndInner() {
            while (!savepoints.isEmpty()) {
                NestedTransaction top = savepoints.pop();
                top.active = false;
                if (top == this) {
                    return;
                }
            }
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public boolean isNested() {
            return true;
        }

        @Override
        public void close() {
            if (active && !closed) {
                rollback();
            }
        }
    }

    private void checkActive(boolean active, String action) {
        ensureOpen();
        if (!active) {
            throw new InvalidStateException("Cannot " + action + ": this transaction has already ended "
                    + "(committed, rolled back, or ended with an enclosing transaction).");
        }
    }

    // ---- lifecycle --------------------------------------------------------------------------

    /**
     * An inspector that reads the database's catalog through this connection: schemas, tables,
     * views, columns with their Retort types, keys, constraints, indexes and comments. Use it while
     * the connection is open. Its queries count as statements: outside auto-commit mode the first
     * one begins the implicit transaction, which ends as usual.
     *
     * @return the inspector
     * @throws dev.retort.CompileException if the dialect cannot reflect
     */
    public dev.retort.reflect.Inspector inspector() {
        ensureOpen();
        dev.retort.reflect.SchemaReader reader = dialect.schemaReader();
        beforeStatement();
        return new dev.retort.reflect.Inspector(reader, jdbc, dialect.displayName(),
                (e, what) -> translate(e, "(catalog query: " + what + ")", List.of(), 0));
    }

    /** @return the engine this connection came from */
    public Engine engine() {
        return engine;
    }

    /** @return the dialect of the database */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The JDBC connection underneath, for what Retort does not cover. Do not close it, commit
     * it or change its auto-commit mode: this connection tracks those.
     *
     * @return the pooled JDBC connection
     */
    public java.sql.Connection jdbc() {
        ensureOpen();
        return jdbc;
    }

    /** @return whether this connection was closed */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes open results, rolls back any transaction in progress, and returns the connection
     * to the pool. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Result r : new ArrayList<>(openResults)) {
            r.closeQuietly();
        }
        try {
            if (transaction != null) {
                jdbc.rollback();
            }
            if (restoreAutocommit != null) {
                if (restoreIsolation != null && jdbc.getTransactionIsolation() != restoreIsolation) {
                    jdbc.setTransactionIsolation(restoreIsolation);
                }
                if (jdbc.getAutoCommit() != restoreAutocommit) {
                    jdbc.setAutoCommit(restoreAutocommit);
                }
            }
        } catch (SQLException e) {
            // The connection is broken; the pool learns so from the driver and discards it.
            Engine.LOG.debug("Rollback on close failed; the connection is discarded", e);
        } finally {
            if (transaction != null) {
                transaction.active = false;
            }
            for (NestedTransaction n : savepoints) {
                n.active = false;
            }
            transaction = null;
            savepoints.clear();
            engine.release(jdbc);
        }
    }

    void resultClosed(Result result) {
        openResults.remove(result);
    }

    private void ensureOpen() {
        if (closed) {
            throw new InvalidStateException("This connection is closed. Get a new one with engine.connect().");
        }
    }

    private static void closeQuietly(Statement s) {
        if (s != null) {
            try {
                s.close();
            } catch (SQLException ignored) {
                // Closing a statement after an error; the original error is what matters.
            }
        }
    }

    static List<Object> asList(Object[] values) {
        return Collections.unmodifiableList(Arrays.asList(values));
    }
}
