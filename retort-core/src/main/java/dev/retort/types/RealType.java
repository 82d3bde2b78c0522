package dev.retort.types;

/**
 * A single-precision floating-point number (REAL; FLOAT on MariaDB).
 * Get it from {@link SqlTypes}.
 */
public final class RealType extends SqlType<Float> {
    static final RealType INSTANCE = new RealType();

    private RealType() {
        super(Float.class);
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitReal(this);
    }

    @Override
    public String toString() {
        return "REAL";
    }
}
