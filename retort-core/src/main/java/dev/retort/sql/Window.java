package dev.retort.sql;

import java.util.Arrays;
import java.util.List;

/**
 * A window for a window function: {@code OVER (PARTITION BY ... ORDER BY ... ROWS|RANGE BETWEEN ...)}.
 * Immutable; start with {@link #partitionBy}, {@link #orderBy} or {@link #all()}.
 *
 * @param partitionBy the partitioning expressions
 * @param orderBy the order within each partition
 * @param frame the frame, or {@code null} for the default
 */
public record Window(List<Expression<?>> partitionBy, List<OrderItem> orderBy, Frame frame) {

    /** A frame bound. */
    public enum Bound {
        /** UNBOUNDED PRECEDING */
        UNBOUNDED_PRECEDING("UNBOUNDED PRECEDING"),
        /** CURRENT ROW */
        CURRENT_ROW("CURRENT ROW"),
        /** UNBOUNDED FOLLOWING */
        UNBOUNDED_FOLLOWING("UNBOUNDED FOLLOWING");

        private final String sql;

        Bound(String sql) {
            this.sql = sql;
        }

        /** @return the bound as SQL writes it */
        public String sql() {
            return sql;
        }
    }

    /**
     * A frame: ROWS or RANGE between two bounds.
     *
     * @param rows ROWS (true) or RANGE (false)
     * @param start the start bound
     * @param end the end bound
     */
    public record Frame(boolean rows, Bound start, Bound end) {
    }

    /** Copies the lists. */
    public Window {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    /** @return the window over all rows */
    public static Window all() {
        return new Window(List.of(), List.of(), null);
    }

    /**
     * A window partitioned by expressions.
     *
     * @param expressions the partitioning expressions
     * @return the window
     */
    public static Window partitionBy(Expression<?>... expressions) {
        return new Window(Arrays.asList(expressions), List.of(), null);
    }

    /**
     * A window over all rows, ordered.
     *
     * @param order the order
     * @return the window
     */
    public static Window orderedBy(OrderItem... order) {
        return new Window(List.of(), Arrays.asList(order), null);
    }

    /**
     * Orders each partition.
     *
     * @param order the order
     * @return a new window
     */
    public Window orderBy(OrderItem... order) {
        return new Window(partitionBy, Arrays.asList(order), frame);
    }

    /**
     * Frames by rows.
     *
     * @param start the start
     * @param end the end
     * @return a new window
     */
    public Window rowsBetween(Bound start, Bound end) {
        return new Window(partitionBy, orderBy, new Frame(true, start, end));
    }

    /**
     * Frames by range of the order values.
     *
     * @param start the start
     * @param end the end
     * @return a new window
     */
    public Window rangeBetween(Bound start, Bound end) {
        return new Window(partitionBy, orderBy, new Frame(false, start, end));
    }
}
