package dev.retort.types;

/**
 * A 32-bit integer (INTEGER).
 * Get it from {@link SqlTypes}.
 */
public final class IntegerType extends SqlType<Integer> {
    static final IntegerType INSTANCE = new IntegerType();

    private IntegerType() {
        super(Integer.class);
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitInteger(this);
    }

    @Override
    public String toString() {
        return "INTEGER";
    }
}
