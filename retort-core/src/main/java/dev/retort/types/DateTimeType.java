package dev.retort.types;

import java.time.LocalDateTime;

/**
 * A date and time without time zone, to the microsecond (TIMESTAMP on PostgreSQL, DATETIME(6) on MariaDB, ISO text on SQLite).
 * Get it from {@link SqlTypes}.
 */
public final class DateTimeType extends SqlType<LocalDateTime> {
    static final DateTimeType INSTANCE = new DateTimeType();

    private DateTimeType() {
        super(LocalDateTime.class);
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitDateTime(this);
    }

    @Override
    public String toString() {
        return "DATETIME";
    }
}
