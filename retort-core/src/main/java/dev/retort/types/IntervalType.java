package dev.retort.types;

import java.time.Duration;

/**
 * A length of time: INTERVAL on PostgreSQL; elsewhere a BIGINT count of microseconds.
 * Get it from {@link SqlTypes}.
 */
public final class IntervalType extends SqlType<Duration> {
    static final IntervalType INSTANCE = new IntervalType();

    private IntervalType() {
        super(Duration.class);
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitInterval(this);
    }

    @Override
    public String toString() {
        return "INTERVAL";
    }
}
