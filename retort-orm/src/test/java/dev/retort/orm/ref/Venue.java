package dev.retort.orm.ref;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;
import dev.retort.orm.InheritanceStrategy;

/** The root of a joined hierarchy: an arena's row spans venue and arena. */
@Entity
@Inheritance(strategy = InheritanceStrategy.JOINED, subclasses = Arena.class)
public class Venue {
    @Id @Generated
    public Long id;
    public String name;

    protected Venue() {
    }

    public Venue(String name) {
        this.name = name;
    }
}
