package dev.retort.types;

import java.time.LocalDate;

/**
 * A calendar date (DATE; ISO text on SQLite).
 * Get it from {@link SqlTypes}.
 */
public final class DateType extends SqlType<LocalDate> {
    static final DateType INSTANCE = new DateType();

    private DateType() {
        super(LocalDate.class);
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitDate(this);
    }

    @Override
    public String toString() {
        return "DATE";
    }
}
