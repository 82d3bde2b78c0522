package dev.retort.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One row of a {@link Result}: its values by position (from 0) or by column name. The values
 * are read when the row is fetched, so a row stays usable after its result is closed.
 *
 * <p>Names are matched exactly first, then ignoring case. Typed getters convert what the driver
 * returned ({@code getLong} reads an INTEGER that came back as {@code Integer}; {@code getLocalDate}
 * reads SQLite's ISO text); a value that does not convert without loss throws a
 * {@link dev.retort.RetortException} naming the column. SQL NULL reads as {@code null}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Row {
    private final ColumnIndex columns;
    private final Object[] values;

    Row(ColumnIndex columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    /** @return the number of columns */
    public int size() {
        return values.length;
    }

    /** @return the column labels, in order */
    public List<String> keys() {
        return columns.labels();
    }

    /**
     * The value at a position, as the driver returned it.
     *
     * @param index the position, from 0
     * @return the value, or {@code null} for SQL NULL
     */
    public Object get(int index) {
        columns.checkPosition(index);
        return values[index];
    }

    /**
     * The value of a named column, as the driver returned it.
     *
     * @param column the column label
     * @return the value, or {@code null} for SQL NULL
     */
    public Object get(String column) {
        return values[columns.require(column)];
    }

    /**
     * The value at a position, converted to a type.
     *
     * @param index the position, from 0
     * @param type the Java type wanted
     * @param <T> the type
     * @return the value, or {@code null} for SQL NULL
     */
    public <T> T get(int index, Class<T> type) {
        columns.checkPosition(index);
        return Conversions.convert(values[index], type, "column " + index + " ('" + columns.labels().get(index) + "')");
    }

    /**
     * The value of a named column, converted to a type.
     *
     * @param column the column label
     * @param type the Java type wanted
     * @param <T> the type
     * @return the value, or {@code null} for SQL NULL
     */
    public <T> T get(String column, Class<T> type) {
        return Conversions.convert(values[columns.require(column)], type, "column '" + column + "'");
    }

    /**
     * The value of the column a statement's expression produced, typed like the expression:
     * {@code row.get(users.name)} is a {@code String}.
     *
     * @param expression a column or expression the statement selected (or returned)
     * @param <T> its Java type
     * @return the value, or {@code null} for SQL NULL
     * @throws dev.retort.RetortException if the statement did not select it
     */
    public <T> T get(dev.retort.sql.Expression<T> expression) {
        int i = columns.require(expression);
        return Conversions.convert(values[i], expression.type().javaType(), "column '" + columns.labels().get(i) + "'");
    }

    /**
     * Reads the value as a String.
     *
     * @param column the column label
     * @return the value as a String
     */
    public String getString(String column) {
        return get(column, String.class);
    }

    /**
     * Reads the value as a String.
     *
     * @param index the position, from 0
     * @return the value as a String
     */
    public String getString(int index) {
        return get(index, String.class);
    }

    /**
     * Reads the value as an Integer.
     *
     * @param column the column label
     * @return the value as an Integer
     */
    public Integer getInt(String column) {
        return get(column, Integer.class);
    }

    /**
     * Reads the value as an Integer.
     *
     * @param index the position, from 0
     * @return the value as an Integer
     */
    public Integer getInt(int index) {
        return get(index, Integer.class);
    }

    /**
     * Reads the value as a Long.
     *
     * @param column the column label
     * @return the value as a Long
     */
    public Long getLong(String column) {
        return get(column, Long.class);
    }

    /**
     * Reads the value as a Long.
     *
     * @param index the position, from 0
     * @return the value as a Long
     */
    public Long getLong(int index) {
        return get(index, Long.class);
    }

    /**
     * Reads the value as a Double.
     *
     * @param column the column label
     * @return the value as a Double
     */
    public Double getDouble(String column) {
        return get(column, Double.class);
    }

    /**
     * Reads the value as a Double.
     *
     * @param index the position, from 0
     * @return the value as a Double
     */
    public Double getDouble(int index) {
        return get(index, Double.class);
    }

    /**
     * Reads the value as a BigDecimal.
     *
     * @param column the column label
     * @return the value as a BigDecimal
     */
    public BigDecimal getBigDecimal(String column) {
        return get(column, BigDecimal.class);
    }

    /**
     * Reads the value as a BigDecimal.
     *
     * @param index the position, from 0
     * @return the value as a BigDecimal
     */
    public BigDecimal getBigDecimal(int index) {
        return get(index, BigDecimal.class);
    }

    /**
     * Reads the value as a Boolean (0 and 1 convert).
     *
     * @param column the column label
     * @return the value as a Boolean (0 and 1 convert)
     */
    public Boolean getBoolean(String column) {
        return get(column, Boolean.class);
    }

    /**
     * Reads the value as a Boolean (0 and 1 convert).
     *
     * @param index the position, from 0
     * @return the value as a Boolean (0 and 1 convert)
     */
    public Boolean getBoolean(int index) {
        return get(index, Boolean.class);
    }

    /**
     * Reads the value as bytes.
     *
     * @param column the column label
     * @return the value as bytes
     */
    public byte[] getBytes(String column) {
        return get(column, byte[].class);
    }

    /**
     * Reads the value as bytes.
     *
     * @param index the position, from 0
     * @return the value as bytes
     */
    public byte[] getBytes(int index) {
        return get(index, byte[].class);
    }

    /**
     * Reads the value as a LocalDate.
     *
     * @param column the column label
     * @return the value as a LocalDate
     */
    public LocalDate getLocalDate(String column) {
        return get(column, LocalDate.class);
    }

    /**
     * Reads the value as a LocalDate.
     *
     * @param index the position, from 0
     * @return the value as a LocalDate
     */
    public LocalDate getLocalDate(int index) {
        return get(index, LocalDate.class);
    }

    /**
     * Reads the value as a LocalTime.
     *
     * @param column the column label
     * @return the value as a LocalTime
     */
    public LocalTime getLocalTime(String column) {
        return get(column, LocalTime.class);
    }

    /**
     * Reads the value as a LocalTime.
     *
     * @param index the position, from 0
     * @return the value as a LocalTime
     */
    public LocalTime getLocalTime(int index) {
        return get(index, LocalTime.class);
    }

    /**
     * Reads the value as a LocalDateTime.
     *
     * @param column the column label
     * @return the value as a LocalDateTime
     */
    public LocalDateTime getLocalDateTime(String column) {
        return get(column, LocalDateTime.class);
    }

    /**
     * Reads the value as a LocalDateTime.
     *
     * @param index the position, from 0
     * @return the value as a LocalDateTime
     */
    public LocalDateTime getLocalDateTime(int index) {
        return get(index, LocalDateTime.class);
    }

    /**
     * Reads the value as an OffsetDateTime.
     *
     * @param column the column label
     * @return the value as an OffsetDateTime
     */
    public OffsetDateTime getOffsetDateTime(String column) {
        return get(column, OffsetDateTime.class);
    }

    /**
     * Reads the value as an OffsetDateTime.
     *
     * @param index the position, from 0
     * @return the value as an OffsetDateTime
     */
    public OffsetDateTime getOffsetDateTime(int index) {
        return get(index, OffsetDateTime.class);
    }

    /**
     * Reads the value as an Instant.
     *
     * @param column the column label
     * @return the value as an Instant
     */
    public Instant getInstant(String column) {
        return get(column, Instant.class);
    }

    /**
     * Reads the value as an Instant.
     *
     * @param index the position, from 0
     * @return the value as an Instant
     */
    public Instant getInstant(int index) {
        return get(index, Instant.class);
    }

    /**
     * Reads the value as a UUID.
     *
     * @param column the column label
     * @return the value as a UUID
     */
    public UUID getUuid(String column) {
        return get(column, UUID.class);
    }

    /**
     * Reads the value as a UUID.
     *
     * @param index the position, from 0
     * @return the value as a UUID
     */
    public UUID getUuid(int index) {
        return get(index, UUID.class);
    }

    /**
     * The row as a map from column label to value, in column order. If two columns share a
     * label, the later one wins.
     *
     * @return an unmodifiable map; values may be {@code null}
     */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> labels = columns.labels();
        for (int i = 0; i < values.length; i++) {
            m.put(labels.get(i), values[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** @return the values in column order, as an unmodifiable list that may hold nulls */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && r.columns.labels().equals(columns.labels()) && Arrays.deepEquals(r.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Row(");
        List<String> labels = columns.labels();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(labels.get(i)).append('=');
            b.append(values[i] instanceof byte[] bytes ? "<" + bytes.length + " bytes>" : values[i]);
        }
        return b.append(')').toString();
    }
}
