package dev.retort.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The prepared statements of one physical JDBC connection, kept open between executions and
 * between check-outs from the pool, keyed by SQL text (least recently used evicted).
 *
 * <p>Drivers differ: the PostgreSQL driver keeps server-side prepared statements by SQL itself,
 * but sqlite-jdbc compiles the SQL again at every {@code prepareStatement}, which costs more than
 * running a lookup by key. A dialect says whether its driver profits
 * ({@link dev.retort.dialect.Dialect#preparedStatementCacheSize()}); the engine's options can
 * override it. The statements are prepared on the physical connection (unwrapped from the pool's
 * proxy, which closes the statements it tracks at every check-in), so they live as long as it does.
 *
 * <p>A statement is lent to one execution at a time: while a result still reads from it, a second
 * execution of the same SQL gets a fresh, uncached statement. Used by one thread at a time (the
 * connection's), so it needs no lock.
 */
final class PreparedStatementCache {
    private final java.sql.Connection physical;
    private final int capacity;
    private final LinkedHashMap<String, Entry> entries;
    private final LongAdder hits;
    private final LongAdder misses;

    /** A cached statement and whether an execution holds it. */
    private static final class Entry {
        final PreparedStatement statement;
        boolean lent;

        Entry(PreparedStatement statement) {
            this.statement = statement;
        }
    }

    PreparedStatementCache(java.sql.Connection physical, int capacity, LongAdder hits, LongAdder misses) {
        this.physical = physical;
        this.capacity = capacity;
        this.hits = hits;
        this.misses = misses;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** @return whether the physical connection is closed (the pool retired it) */
    boolean isDead() {
        try {
            return physical.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * Lends the statement for a SQL text, preparing it on first use.
     *
     * @param sql the SQL
     * @return the statement, or {@code null} if the cached one is lent to an open result
     * @throws SQLException if preparing fails
     */
    PreparedStatement lend(String sql) throws SQLException {
        Entry e = entries.get(sql);
        if (e != null && e.statement.isClosed()) {
            entries.remove(sql);
            e = null;
        }
        if (e == null) {
            e = new Entry(physical.prepareStatement(sql));
            misses.increment();
            entries.put(sql, e);
            evict();
        } else if (e.lent) {
            return null;
        } else {
            hits.increment();
        }
        e.lent = true;
        return e.statement;
    }

    /**
     * Takes back a statement after its execution and result are done; a statement the cache does
     * not hold (evicted while lent) is closed.
     *
     * @param sql its SQL
     * @param statement the statement
     * @param healthy {@code false} after an error: the statement is dropped and closed
     */
    void giveBack(String sql, PreparedStatement statement, boolean healthy) {
        Entry e = entries.get(sql);
        boolean mine = e != null && e.statement == statement;
        if (mine && healthy) {
            try {
                statement.clearParameters();       // drop references to the last values
                e.lent = false;
                return;
            } catch (SQLException ignored) {
                // fall through: drop it
            }
        }
        if (mine) {
            entries.remove(sql);
        }
        close(statement);
    }

    /** @return whether the statement is one this cache lent */
    boolean owns(String sql, PreparedStatement statement) {
        Entry e = entries.get(sql);
        return e != null && e.statement == statement;
    }

    private void evict() {
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); entries.size() > capacity && it.hasNext(); ) {
            Entry eldest = it.next().getValue();
            it.remove();
            if (!eldest.lent) {
                close(eldest.statement);
            }
            // A lent statement is closed when it is given back: giveBack no longer finds it.
        }
    }

    /** Closes every statement that is not lent. */
    void clear() {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (!e.lent) {
                close(e.statement);
            }
            it.remove();
        }
    }

    /** @return how many statements are cached */
    int size() {
        return entries.size();
    }

    private static void close(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // Closing a statement of a connection that failed; nothing to recover.
        }
    }
}
