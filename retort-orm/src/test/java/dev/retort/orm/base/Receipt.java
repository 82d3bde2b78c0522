package dev.retort.orm.base;

import dev.retort.orm.Entity;

/** Another entity with the fields of {@link Stamped}, in a table of its own. */
@Entity(table = "stamped_receipt")
public class Receipt extends Stamped {
    public String shop;
}
