package dev.retort.engine;

/** A registered {@link StatementListener}; closing it removes the listener. */
@FunctionalInterface
public interface ListenerRegistration extends AutoCloseable {
    /** Removes the listener. Calling it again does nothing. */
    @Override
    void close();
}
