package dev.retort.types;

import java.util.Arrays;

/**
 * A JSON document: {@code JSONB} (or {@code JSON}) on PostgreSQL, {@code JSON} on MariaDB (a
 * checked LONGTEXT), {@code TEXT} on SQLite. The Java side is whatever the {@link JsonCodec}
 * reads and writes: JSON text by default, or your classes through a JSON library.
 *
 * @param <T> the Java type
 */
public final class JsonType<T> extends SqlType<T> {
    private final JsonCodec<T> codec;
    private final boolean binary;

    JsonType(JsonCodec<T> codec, boolean binary) {
        super(codec.javaType());
        this.codec = codec;
        this.binary = binary;
    }

    /** @return the codec between Java values and JSON text */
    public JsonCodec<T> codec() {
        return codec;
    }

    /** @return whether PostgreSQL stores it as {@code JSONB} (true) or {@code JSON} */
    public boolean binary() {
        return binary;
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitJson(this);
    }

    @Override
    protected Object parameters() {
        return Arrays.asList(codec, binary);
    }

    @Override
    public String toString() {
        return binary ? "JSONB" : "JSON";
    }
}
