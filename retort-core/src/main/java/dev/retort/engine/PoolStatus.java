package dev.retort.engine;

/**
 * A snapshot of an engine's connections.
 *
 * @param checkedOut Retort connections open right now (not yet closed by the user)
 * @param idle pooled connections waiting to be used, or -1 if the pool is not Retort's own
 * @param total connections the pool holds, or -1 if the pool is not Retort's own
 * @param waiting threads waiting for a connection, or -1 if the pool is not Retort's own
 * @param maxSize the pool's maximum size, or -1 if the pool is not Retort's own
 */
public record PoolStatus(int checkedOut, int idle, int total, int waiting, int maxSize) {
}
