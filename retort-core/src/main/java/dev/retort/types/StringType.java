package dev.retort.types;

/**
 * Text of at most {@code length} characters: {@code VARCHAR(length)} (utf8mb4 on MariaDB, so
 * emoji fit). SQLite does not enforce the length.
 */
public final class StringType extends SqlType<String> {
    private final int length;

    StringType(int length) {
        super(String.class);
        this.length = length;
    }

    /** @return the most characters a value may have */
    public int length() {
        return length;
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitString(this);
    }

    @Override
    protected Object parameters() {
        return length;
    }

    @Override
    public String toString() {
        return "VARCHAR(" + length + ")";
    }
}
