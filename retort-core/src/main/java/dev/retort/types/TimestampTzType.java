package dev.retort.types;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A point in time: {@code TIMESTAMP WITH TIME ZONE} on PostgreSQL; on MariaDB and SQLite, which
 * cannot keep an offset, the value is normalised to UTC ({@code DATETIME(6)} on MariaDB, ISO text
 * on SQLite) and read back with offset zero. Two Java forms: {@link OffsetDateTime} and
 * {@link Instant}.
 *
 * @param <T> {@code OffsetDateTime} or {@code Instant}
 */
public final class TimestampTzType<T> extends SqlType<T> {
    static final TimestampTzType<OffsetDateTime> OFFSET = new TimestampTzType<>(OffsetDateTime.class);
    static final TimestampTzType<Instant> INSTANT = new TimestampTzType<>(Instant.class);

    private TimestampTzType(Class<T> javaType) {
        super(javaType);
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitTimestampTz(this);
    }

    @Override
    protected Object parameters() {
        return javaType().getName();
    }

    @Override
    public String toString() {
        return "TIMESTAMP WITH TIME ZONE";
    }
}
