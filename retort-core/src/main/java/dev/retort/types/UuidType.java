package dev.retort.types;

import java.util.UUID;

/**
 * A UUID: native {@code UUID} on PostgreSQL and on MariaDB 10.7 and later; {@code CHAR(36)} text
 * on SQLite and older MariaDB, or 16 bytes ({@code BINARY(16)} / {@code BLOB}) with
 * {@link SqlTypes#uuidAsBinary()}.
 */
public final class UuidType extends SqlType<UUID> {
    static final UuidType TEXT = new UuidType(false);
    static final UuidType BINARY = new UuidType(true);

    private final boolean binary;

    private UuidType(boolean binary) {
        super(UUID.class);
        this.binary = binary;
    }

    /** @return whether databases without a UUID type store 16 bytes rather than 36 characters */
    public boolean binary() {
        return binary;
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitUuid(this);
    }

    @Override
    protected Object parameters() {
        return binary;
    }

    @Override
    public String toString() {
        return binary ? "UUID (binary)" : "UUID";
    }
}
