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
     * Each class has its own table for the fields it declares, whose primary key is also a foreign
     * key to its parent's table. Not implemented yet: a mapping that asks for it fails at start-up.
     */
    JOINED
}
