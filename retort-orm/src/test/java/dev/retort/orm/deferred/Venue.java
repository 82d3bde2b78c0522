package dev.retort.orm.deferred;

import dev.retort.orm.Deferred;
import dev.retort.orm.Embedded;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;

/** A venue whose embedded place (two columns) is deferred as a whole. */
@Entity
public class Venue {
    @Id @Generated
    Long id;

    String name;

    @Deferred
    @Embedded
    Place place;

    protected Venue() {
    }

    public Venue(String name, Place place) {
        this.name = name;
        this.place = place;
    }
}
