package dev.retort.engine;

import dev.retort.dialect.Dialect;
import dev.retort.sql.Executable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded LRU cache of compiled statements, with their {@link ExecutionPlan}s, keyed by
 * statement structure. A lock (not
 * {@code synchronized}, which pins virtual threads on Java 17-23) guards the map; compilation
 * runs outside it.
 */
final class StatementCache {
    private final int capacity;
    private final LinkedHashMap<Object, ExecutionPlan> map;
    private final ReentrantLock lock = new ReentrantLock();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** The dialect is part of the key: a compilation made before the first connection refined it is never served after. */
    private record Key(Dialect dialect, Object statement) {
    }

    StatementCache(int capacity) {
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(Math.max(16, Math.min(capacity, 1024) * 4 / 3), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, ExecutionPlan> eldest) {
                return size() > StatementCache.this.capacity;
            }
        };
    }

    ExecutionPlan compile(Dialect dialect, Executable statement) {
        if (capacity == 0) {
            misses.increment();
            return new ExecutionPlan(dialect.compile(statement), dialect);
        }
        Object key = new Key(dialect, statement.cacheKey());
        ExecutionPlan cached;
        lock.lock();
        try {
            cached = map.get(key);
        } finally {
            lock.unlock();
        }
        if (cached != null) {
            hits.increment();
            return cached;
        }
        misses.increment();
        ExecutionPlan compiled = new ExecutionPlan(dialect.compile(statement), dialect);
        lock.lock();
        try {
            map.put(key, compiled);
        } finally {
            lock.unlock();
        }
        return compiled;
    }

    void clear() {
        lock.lock();
        try {
            map.clear();
        } finally {
            lock.unlock();
        }
    }

    CacheStatistics statistics() {
        lock.lock();
        try {
            return new CacheStatistics(hits.sum(), misses.sum(), map.size(), capacity);
        } finally {
            lock.unlock();
        }
    }
}
