package dev.retort.types;

/**
 * Bytes: {@code BYTEA} on PostgreSQL, {@code BLOB} on SQLite, {@code LONGBLOB} on MariaDB, or
 * {@code VARBINARY(length)} there when a length is given.
 */
public final class BinaryType extends SqlType<byte[]> {
    private final Integer length;

    BinaryType(Integer length) {
        super(byte[].class);
        this.length = length;
    }

    /** @return the most bytes a value may have, or {@code null} for no limit */
    public Integer length() {
        return length;
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitBinary(this);
    }

    @Override
    protected Object parameters() {
        return length == null ? -1 : length;
    }

    @Override
    public String toString() {
        return length == null ? "BINARY" : "VARBINARY(" + length + ")";
    }
}
