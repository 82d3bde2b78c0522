package dev.retort.engine;

import dev.retort.DatabaseException;
import dev.retort.InvalidStateException;
import dev.retort.dialect.ValueCodec;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a statement returned: rows for a query, a row count for INSERT, UPDATE and DELETE.
 *
 * <p>Rows are read from the database as they are asked for, so a large result is never held
 * in memory unless {@link #all()} asks for it; {@link Connection#stream} sets a fetch size so
 * that the driver does not buffer it either. A result can be consumed once, by iterating or by
 * one of {@link #all()}, {@link #first()}, {@link #one()}, {@link #oneOrNone()},
 * {@link #scalar()}, or through a {@link MappedResult} view ({@link #scalars()},
 * {@link #mappings()}, {@link #into(Class)}, {@link #map(Function)}). Those methods, and iterating
 * to the end, close it; otherwise close it yourself, or let its connection's close do it.
 *
 * <p>Not thread-safe; use it on the thread that owns its connection.
 */
public final class Result implements Iterable<Row>, AutoCloseable {
    private final Connection owner;
    private final StatementEvent event;
    private final PreparedStatement statement;
    private final ResultSet resultSet;
    private final ColumnIndex columns;
    private final long rowCount;
    private final String sql;
    private final Runnable onClose;
    /** The codec of each typed column, by position (entries may be null); empty when untyped. */
    private final ValueCodec<?>[] readers;
    private boolean consumed;
    private boolean closed;
    private long fetched;

    /** Rows already read (a chunked INSERT ... RETURNING), or {@code null} for a live cursor. */
    private java.util.Iterator<Row> buffer;

    /** The count of each parameter set of a JDBC batch, or {@code null}. */
    private long[] batchCounts;

    private Result(Connection owner, StatementEvent event, PreparedStatement statement, ResultSet resultSet,
                   ColumnIndex columns, long rowCount, String sql, Runnable onClose, ValueCodec<?>[] readers) {
        this.owner = owner;
        this.event = event;
        this.statement = statement;
        this.resultSet = resultSet;
        this.columns = columns;
        this.rowCount = rowCount;
        this.sql = sql;
        this.onClose = onClose;
        this.readers = readers;
        this.closed = resultSet == null;
    }

    private static final ValueCodec<?>[] UNTYPED = new ValueCodec<?>[0];


    /**
     * The keys a driver generated for an INSERT, labelled with the key column's name (drivers use
     * their own labels: {@code insert_id}, {@code GENERATED_KEY}, {@code last_insert_rowid()}).
     */
    static Result ofGeneratedKeys(Connection owner, StatementEvent event, PreparedStatement statement, String keyColumn,
                                  String sql, Runnable onClose, ValueCodec<?>[] readers,
                                  List<? extends dev.retort.sql.Expression<?>> expressions) throws SQLException {
        ResultSet rs = statement.getGeneratedKeys();
        int count = rs.getMetaData().getColumnCount();
        if (count != 1) {
            rs.close();
            throw new IllegalStateException("The JDBC driver returned " + count + " generated key columns for: " + sql
                    + "; Retort expected only " + keyColumn + ".");
        }
        return ofRows(owner, event, statement, rs, new ColumnIndex(List.of(keyColumn)), sql, onClose, readers, expressions);
    }

    static Result ofRows(Connection owner, StatementEvent event, PreparedStatement statement, ResultSet rs,
                         ColumnIndex columns, String sql, Runnable onClose, ValueCodec<?>[] readers,
                                 List<? extends dev.retort.sql.Expression<?>> expressions) {
        columns.expressions(expressions);
        if (readers != null && readers.length > columns.size()) {
            throw new IllegalArgumentException("The statement types " + readers.length + " result columns, but its result "
                    + "has " + columns.size() + " " + columns.labels() + ": " + (sql.length() <= 200 ? sql : sql.substring(0, 197)
                    + "...") + ". Give at most one type per column (columns(...) of a text clause).");
        }
        return new Result(owner, event, statement, rs, columns, -1, sql, onClose, readers == null ? UNTYPED : readers);
    }

    static Result ofBuffered(ColumnIndex columns, List<Row> rows, long rowCount, String sql) {
        Result r = new Result(null, null, null, null, columns, rowCount, sql, null, UNTYPED);
        r.buffer = rows.iterator();
        r.closed = false;
        return r;
    }

    ColumnIndex columnIndex() {
        return columns;
    }

    static Result ofCount(long rowCount, String sql) {
        return new Result(null, null, null, null, new ColumnIndex(List.of()), rowCount, sql, null, UNTYPED);
    }

    static Result ofBatch(long total, long[] counts, String sql) {
        Result r = ofCount(total, sql);
        r.batchCounts = counts;
        return r;
    }

    /** @return whether the statement returned rows (a query, or DML with RETURNING) */
    public boolean returnsRows() {
        return resultSet != null || buffer != null;
    }

    /**
     * How many rows an INSERT, UPDATE or DELETE changed (for executeMany, the total).
     *
     * @return the count, or -1 for a query or when the driver does not report it
     */
    public long rowCount() {
        return rowCount;
    }

    /**
     * The row count of each parameter set of {@link Connection#executeMany}, as the driver
     * reports them: which UPDATE of a batch matched no row, say. An entry is -1 where the driver
     * reported success without a count.
     *
     * @return one count per parameter set, in order; empty for anything but a batch
     */
    public long[] batchCounts() {
        return batchCounts == null ? new long[0] : batchCounts.clone();
    }

    /** @return the column labels of the rows, in order; empty when no rows are returned */
    public List<String> columns() {
        return columns.labels();
    }

    private MappedResult<Row> rows() {
        return new MappedResult<>(this, Function.identity());
    }

    /** Iterates over the rows, reading them as it goes. Can be called once. */
    @Override
    public Iterator<Row> iterator() {
        return rows().iterator();
    }

    /** @return the rows as a stream, read as it is consumed; close it to close the result */
    public Stream<Row> stream() {
        return rows().stream();
    }

    /** @return every remaining row; closes the result */
    public List<Row> all() {
        return rows().all();
    }

    /** @return the first row, or empty when there is none; closes the result */
    public Optional<Row> first() {
        return rows().first();
    }

    /**
     * The only row; closes the result.
     *
     * @return the row
     * @throws dev.retort.NoResultException if there is no row
     * @throws dev.retort.MultipleResultsException if there is more than one
     */
    public Row one() {
        return rows().one();
    }

    /**
     * The only row, if any; closes the result.
     *
     * @return the row, or empty when there is none
     * @throws dev.retort.MultipleResultsException if there is more than one
     */
    public Optional<Row> oneOrNone() {
        return rows().oneOrNone();
    }

    /**
     * The first column of the first row, as the driver returned it; closes the result.
     *
     * @return the value, or {@code null} when there is no row or the value is NULL
     */
    public Object scalar() {
        return scalar(Object.class);
    }

    /**
     * The first column of the first row, converted; closes the result.
     *
     * @param type the Java type wanted
     * @param <T> the type
     * @return the value, or {@code null} when there is no row or the value is NULL
     */
    public <T> T scalar(Class<T> type) {
        try (this) {
            Row r = fetchFirstForScalar();
            return r == null ? null : r.get(0, type);
        }
    }

    private Row fetchFirstForScalar() {
        startConsuming("scalar");
        return fetch();
    }

    /** @return the first column of each row */
    public MappedResult<Object> scalars() {
        return scalars(Object.class);
    }

    /**
     * The first column of each row, converted.
     *
     * @param type the Java type wanted
     * @param <T> the type
     * @return the values
     */
    public <T> MappedResult<T> scalars(Class<T> type) {
        return new MappedResult<>(this, r -> r.get(0, type));
    }

    /** @return each row as a map from column label to value */
    public MappedResult<Map<String, Object>> mappings() {
        return new MappedResult<>(this, Row::asMap);
    }

    /**
     * Each row as a record, its components filled from the columns of the same name (ignoring
     * case; {@code firstName} also reads {@code first_name}), values converted to the components'
     * types.
     *
     * @param recordType the record class
     * @param <R> the record type
     * @return the records
     * @throws dev.retort.RetortException naming the component, if a column is missing
     */
    public <R> MappedResult<R> into(Class<R> recordType) {
        requireRows("into");
        return new MappedResult<>(this, new RecordMapper<>(recordType, columns));
    }

    /**
     * Each row turned into a value by a function.
     *
     * @param mapper the function
     * @param <T> what it makes
     * @return the values
     */
    public <T> MappedResult<T> map(Function<Row, T> mapper) {
        return new MappedResult<>(this, mapper);
    }

    /**
     * The rows in lists of up to {@code size}, for processing a large result in chunks.
     *
     * @param size the most rows per list
     * @return an iterable of lists
     */
    public Iterable<List<Row>> partitions(int size) {
        return rows().partitions(size);
    }

    /** Frees the cursor and statement. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (buffer != null) {
            return;
        }
        boolean healthy = false;
        try {
            resultSet.close();
            healthy = true;
        } catch (SQLException e) {
            throw owner.translate(e, sql, List.of(), 1);
        } finally {
            owner.statementDone(sql, statement, healthy);
            owner.resultClosed(this);
            if (event != null) {
                owner.engine().fireResultClosed(event, fetched);
            }
            if (onClose != null) {
                onClose.run();
            }
        }
    }

    void startConsuming(String what) {
        requireRows(what);
        if (consumed) {
            throw new InvalidStateException("This result was already consumed: a Result (and its scalars(), "
                    + "mappings() or into() view) can be read once. Keep the rows with all() if you need them twice.");
        }
        consumed = true;
    }

    private void requireRows(String what) {
        if (resultSet == null && statement == null && buffer == null) {
            throw new InvalidStateException("Cannot " + what + " the result of a statement that returns no rows ("
                    + sqlForMessages() + "); rowCount() = " + rowCount + ".");
        }
    }

    /** @return the next row, or {@code null} at the end (and the result is then closed) */
    Row fetch() {
        if (closed) {
            if (owner != null && owner.isClosed()) {
                throw new InvalidStateException("The connection of this result is closed: read the rows before "
                        + "closing the connection, or keep them with all().");
            }
            return null;
        }
        if (buffer != null) {
            if (buffer.hasNext()) {
                fetched++;
                return buffer.next();
            }
            closed = true;
            return null;
        }
        try {
            if (!resultSet.next()) {
                close();
                return null;
            }
            int n = columns.size();
            Object[] values = new Object[n];
            int typed = readers.length;
            for (int i = 0; i < typed; i++) {
                ValueCodec<?> reader = readers[i];
                values[i] = reader != null ? reader.read(resultSet, i + 1) : resultSet.getObject(i + 1);
            }
            for (int i = typed; i < n; i++) {
                values[i] = resultSet.getObject(i + 1);
            }
            fetched++;
            return new Row(columns, values);
        } catch (SQLException e) {
            DatabaseException de = owner.translate(e, sql, List.of(), 1);
            closeQuietly();
            throw de;
        } catch (RuntimeException e) {
            // A codec's own exception, e.g. a JSON codec that cannot read the document.
            closeQuietly();
            throw e;
        }
    }

    void closeQuietly() {
        try {
            close();
        } catch (RuntimeException ignored) {
            // The connection is being closed or has failed; the driver frees the cursor with it.
        }
    }

    String sqlForMessages() {
        return sql == null ? "" : sql.length() > 200 ? sql.substring(0, 197) + "..." : sql;
    }
}
