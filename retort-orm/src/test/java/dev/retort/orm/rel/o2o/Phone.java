package dev.retort.orm.rel.o2o;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.OneToOne;

/** A gadget of the single-table hierarchy holding the owning side of a one-to-one (column sim_id of gadget). */
@Entity
@DiscriminatorValue("phone")
public class Phone extends Gadget {
    @OneToOne
    public SimCard sim;

    protected Phone() {
    }

    public Phone(String name) {
        super(name);
    }
}
