package dev.retort.dialect;

/**
 * One aspect of a column that {@link DdlCompiler#alterColumn} changes in place. A rename is not
 * one of them: {@link DdlCompiler#renameColumn} does that.
 */
public enum ColumnChange {
    /** The column's SQL type. */
    TYPE,
    /** Whether the column allows NULL. */
    NULLABILITY,
    /** The default the database applies (set, changed or dropped). */
    SERVER_DEFAULT
}
