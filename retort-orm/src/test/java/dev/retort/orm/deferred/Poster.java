package dev.retort.orm.deferred;

import dev.retort.orm.Column;
import dev.retort.orm.Deferred;
import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;

/** A shape with a deferred column of its own in the shared table. */
@Entity
@DiscriminatorValue("poster")
public class Poster extends Shape {
    @Deferred                                    // not-null, checked before writes: not while unloaded
    @Column(nullable = false)
    String artwork;

    protected Poster() {
    }

    public Poster(String label, String artwork) {
        super(label);
        this.artwork = artwork;
    }
}
