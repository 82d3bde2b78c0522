package dev.retort.orm.base;

import dev.retort.orm.Entity;

/** An entity with the fields of {@link Stamped} and its own. */
@Entity(table = "stamped_invoice")
public class Invoice extends Stamped {
    public int number;
}
