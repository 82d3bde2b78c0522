package dev.retort.types;

/**
 * A 64-bit integer (BIGINT).
 * Get it from {@link SqlTypes}.
 */
public final class BigIntType extends SqlType<Long> {
    static final BigIntType INSTANCE = new BigIntType();

    private BigIntType() {
        super(Long.class);
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitBigInt(this);
    }

    @Override
    public String toString() {
        return "BIGINT";
    }
}
