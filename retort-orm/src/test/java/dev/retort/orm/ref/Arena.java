package dev.retort.orm.ref;

import dev.retort.orm.Entity;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.Ref;

/** A venue with seats and an owner, a Ref declared in the subclass of a joined hierarchy. */
@Entity
public class Arena extends Venue {
    public Integer seats;
    @ManyToOne
    public Ref<Shopper> owner;

    protected Arena() {
    }

    public Arena(String name, int seats, Shopper owner) {
        super(name);
        this.seats = seats;
        this.owner = Ref.to(owner);
    }
}
