package dev.retort.orm.ref;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.Ref;

/** A show at a venue (the root of a joined hierarchy) and in an arena (its subclass), both Refs. */
@Entity
public class Show {
    @Id @Generated
    public Long id;
    public String title;
    @ManyToOne
    public Ref<Venue> venue;
    @ManyToOne
    public Ref<Arena> arena;

    protected Show() {
    }

    public Show(String title, Venue venue, Arena arena) {
        this.title = title;
        this.venue = Ref.to(venue);
        this.arena = Ref.to(arena);
    }
}
