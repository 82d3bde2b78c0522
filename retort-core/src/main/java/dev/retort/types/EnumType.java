package dev.retort.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A value from a fixed list of labels. On PostgreSQL a named enum type ({@code CREATE TYPE ...
 * AS ENUM}, created and dropped with the tables that use it); on MariaDB an {@code ENUM(...)}
 * column; on SQLite a {@code VARCHAR} with a {@code CHECK (... IN (...))} constraint.
 *
 * <p>Made for a Java enum ({@link SqlTypes#enumOf(Class)}, stored by constant name) or for plain
 * labels ({@link SqlTypes#enumOf(String, List)}, read as strings; what reflection returns).
 *
 * @param <T> the Java enum, or {@code String}
 */
public final class EnumType<T> extends SqlType<T> {
    private final String name;
    private final List<String> labels;

    EnumType(Class<T> javaType, String name, List<String> labels) {
        super(javaType);
        this.name = Objects.requireNonNull(name, "name");
        this.labels = List.copyOf(labels);
        if (this.labels.isEmpty()) {
            throw new IllegalArgumentException("enum type " + name + " needs at least one label");
        }
    }

    static <E extends Enum<E>> EnumType<E> of(Class<E> enumClass, String name) {
        List<String> labels = new ArrayList<>();
        for (E e : enumClass.getEnumConstants()) {
            labels.add(e.name());
        }
        return new EnumType<>(enumClass, name == null ? snake(enumClass.getSimpleName()) : name, labels);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** @return the type's name: PostgreSQL's enum type name, e.g. {@code order_status} */
    public String name() {
        return name;
    }

    /** @return the labels, in declaration order */
    public List<String> labels() {
        return labels;
    }

    /**
     * The label stored for a value.
     *
     * @param value a Java enum constant or a label
     * @return the label
     * @throws IllegalArgumentException naming the type and its labels, if the value is none of them
     */
    public String toLabel(Object value) {
        String label = value instanceof Enum<?> e ? e.name() : String.valueOf(value);
        if (!labels.contains(label)) {
            throw new IllegalArgumentException("'" + label + "' is not a label of enum type " + name + " " + labels);
        }
        return label;
    }

    /**
     * The value for a stored label.
     *
     * @param label the label read from the database
     * @return the Java enum constant, or the label itself for a label-only type
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public T fromLabel(String label) {
        if (javaType() == String.class) {
            return (T) label;
        }
        return (T) Enum.valueOf((Class) javaType(), label);
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitEnum(this);
    }

    @Override
    protected Object parameters() {
        return Arrays.asList(name, labels);
    }

    @Override
    public String toString() {
        return "ENUM " + name + labels;
    }
}
