package dev.retort.orm;

/**
 * How the classes of an entity hierarchy are stored; declared on the root with
 * {@link Inheritance#strategy()}.
 */
public enum InheritanceStrategy {
    /**
     * Every class of the hierarchy shares the root's table. A discriminator column tells which class
     * a row is; the columns of subclass fields are nullable in the table (a row of another class has
     * no value for them), and Retort checks fields declared not-null at flush instead.
     */
    SINGLE_TABLE,
    /**
     * Each class has its own table for the fields it declares (NOT NULL as declared), whose primary
     * key is also a foreign key to its parent's table's key, ON DELETE CASCADE; the root's table
     * holds the discriminator. A query joins the class's tables up to the root and LEFT OUTER JOINs
     * its subclasses' (and, so that every row has the same columns, the other classes') tables; an
     * object is written as one row per table.
     */
    JOINED
}
