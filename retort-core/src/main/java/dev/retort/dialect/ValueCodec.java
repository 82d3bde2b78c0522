package dev.retort.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Binds and reads the values of one {@link dev.retort.types.SqlType} on one dialect. Dialects
 * make codecs in {@link Dialect#codec}; statements with typed parameters and results use them.
 * Implementations are immutable and thread-safe.
 *
 * @param <T> the Java type of values
 */
public interface ValueCodec<T> {

    /**
     * Binds a value.
     *
     * @param statement the statement
     * @param index the 1-based parameter index
     * @param value the value, or {@code null} for SQL NULL
     * @throws SQLException if the driver refuses it
     */
    void bind(PreparedStatement statement, int index, T value) throws SQLException;

    /**
     * Reads a value.
     *
     * @param resultSet the result, on the current row
     * @param index the 1-based column index
     * @return the value, or {@code null} for SQL NULL
     * @throws SQLException if the driver cannot read it
     */
    T read(ResultSet resultSet, int index) throws SQLException;
}
