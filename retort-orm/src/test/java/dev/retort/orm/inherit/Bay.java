package dev.retort.orm.inherit;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;

/** A parking bay: the other side of a one-to-one declared on the root Motor, typed as one subclass. */
@Entity
public class Bay {
    @Id @Generated
    Long id;
    String name;
    @OneToOne(mappedBy = "bay")
    Lorry lorry;

    protected Bay() {
    }

    public Bay(String name) {
        this.name = name;
    }
}
