package dev.retort.orm.rel;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Load;
import dev.retort.orm.OneToOne;

/** The owning side of an optional one-to-one loaded joined: column clerk_id, UNIQUE, nullable. */
@Entity
public class Desk {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String label;
    @OneToOne(load = Load.JOINED)
    public Clerk clerk;

    protected Desk() {
    }

    public Desk(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return "Desk[" + label + "]";
    }
}
