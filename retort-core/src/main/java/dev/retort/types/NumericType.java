package dev.retort.types;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * An exact decimal number, {@code NUMERIC(precision, scale)}, read and written as
 * {@link BigDecimal} without rounding. SQLite has no exact decimal storage: there values are kept
 * as text so that no digit is lost.
 */
public final class NumericType extends SqlType<BigDecimal> {
    private final Integer precision;
    private final Integer scale;

    NumericType(Integer precision, Integer scale) {
        super(BigDecimal.class);
        this.precision = precision;
        this.scale = scale;
    }

    /** @return the total number of digits, or {@code null} for the database's maximum */
    public Integer precision() {
        return precision;
    }

    /** @return the digits after the decimal point, or {@code null} */
    public Integer scale() {
        return scale;
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitNumeric(this);
    }

    @Override
    protected Object parameters() {
        return Arrays.asList(precision, scale);
    }

    @Override
    public String toString() {
        return precision == null ? "NUMERIC" : "NUMERIC(" + precision + (scale == null ? "" : ", " + scale) + ")";
    }
}
