package dev.retort.orm.ref;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;

/** The wrapping of a {@link Gift}. */
@Entity
public class Wrapping {
    @Id @Generated
    public Long id;
    public String paper;

    protected Wrapping() {
    }

    public Wrapping(String paper) {
        this.paper = paper;
    }
}
