package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;

/**
 * How a field is stored, where the defaults do not fit. Every non-static, non-transient field of an
 * entity is a column with or without this annotation; its name comes from the naming strategy and
 * its type from the field's Java type (see {@code docs/orm.md} for the table of types).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Column {

    /** @return the column name; empty for the naming strategy's name of the field */
    String name() default "";

    /** @return the length of a {@code String} column ({@code VARCHAR(n)}); 0 for 255 */
    int length() default 0;

    /** @return the precision of a {@code BigDecimal} column; 0 for the database's unconstrained numeric */
    int precision() default 0;

    /** @return the scale of a {@code BigDecimal} column */
    int scale() default 0;

    /** @return the SQL type, where the Java type's default does not fit */
    ColumnType type() default ColumnType.DEFAULT;

    /**
     * Whether the column takes NULL. Primitive fields and ids never do; other fields do unless
     * this is {@code false}.
     *
     * @return whether the column takes NULL
     */
    boolean nullable() default true;

    /** @return whether the column has a single-column unique constraint */
    boolean unique() default false;

    /** @return whether INSERT writes the column (a column filled by the database alone is not) */
    boolean insertable() default true;

    /** @return whether UPDATE writes the column */
    boolean updatable() default true;

    /** @return the SQL expression of the column's DEFAULT, e.g. {@code CURRENT_TIMESTAMP}; empty for none */
    String serverDefault() default "";

    /**
     * Whether the value the database filled in from {@link #serverDefault()} is read back into the
     * field when the object is inserted with the field {@code null} (through RETURNING where the
     * database has it, otherwise by a SELECT of the new rows).
     *
     * @return whether to read the server default back
     */
    boolean fetchServerDefault() default false;

    /** @return a supplier of the value to insert when the field is {@code null}; {@code Supplier.class} for none */
    @SuppressWarnings("rawtypes")
    Class<? extends Supplier> insertDefault() default Supplier.class;

    /** @return a supplier of the value every UPDATE of the row sets (a last-modified time); {@code Supplier.class} for none */
    @SuppressWarnings("rawtypes")
    Class<? extends Supplier> onUpdate() default Supplier.class;
}
