package dev.retort.types;

/**
 * A true/false value: BOOLEAN on PostgreSQL and MariaDB (a TINYINT(1)), INTEGER 0/1 on SQLite.
 * Get it from {@link SqlTypes}.
 */
public final class BooleanType extends SqlType<Boolean> {
    static final BooleanType INSTANCE = new BooleanType();

    private BooleanType() {
        super(Boolean.class);
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitBoolean(this);
    }

    @Override
    public String toString() {
        return "BOOLEAN";
    }
}
