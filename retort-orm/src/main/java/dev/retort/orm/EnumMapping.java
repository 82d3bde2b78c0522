package dev.retort.orm;

/** How {@link Enumerated} stores an enum. */
public enum EnumMapping {
    /** By the constant's name. */
    NAME,
    /** By the constant's ordinal, as an integer: reordering the constants changes the meaning of stored rows. */
    ORDINAL
}
