package dev.retort.types;

/**
 * A 16-bit integer (SMALLINT).
 * Get it from {@link SqlTypes}.
 */
public final class SmallIntType extends SqlType<Short> {
    static final SmallIntType INSTANCE = new SmallIntType();

    private SmallIntType() {
        super(Short.class);
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitSmallInt(this);
    }

    @Override
    public String toString() {
        return "SMALLINT";
    }
}
