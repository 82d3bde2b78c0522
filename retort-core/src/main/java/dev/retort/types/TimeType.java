package dev.retort.types;

import java.time.LocalTime;

/**
 * A time of day, to the microsecond (TIME(6); ISO text on SQLite).
 * Get it from {@link SqlTypes}.
 */
public final class TimeType extends SqlType<LocalTime> {
    static final TimeType INSTANCE = new TimeType();

    private TimeType() {
        super(LocalTime.class);
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitTime(this);
    }

    @Override
    public String toString() {
        return "TIME";
    }
}
