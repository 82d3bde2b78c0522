package dev.retort.types;

/**
 * A double-precision floating-point number (DOUBLE PRECISION; DOUBLE on MariaDB; REAL on SQLite).
 * Get it from {@link SqlTypes}.
 */
public final class DoubleType extends SqlType<Double> {
    static final DoubleType INSTANCE = new DoubleType();

    private DoubleType() {
        super(Double.class);
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitDouble(this);
    }

    @Override
    public String toString() {
        return "DOUBLE";
    }
}
