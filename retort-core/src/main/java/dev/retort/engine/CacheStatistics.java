package dev.retort.engine;

/**
 * Counters of an engine's compiled-statement cache.
 *
 * @param hits compilations avoided because the statement's structure was cached
 * @param misses statements compiled
 * @param size statements held now
 * @param capacity the most statements held; the least recently used is dropped beyond it
 */
public record CacheStatistics(long hits, long misses, int size, int capacity) {
}
