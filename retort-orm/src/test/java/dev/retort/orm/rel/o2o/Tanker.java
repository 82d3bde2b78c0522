package dev.retort.orm.rel.o2o;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.OneToOne;

/** A subclass mapping the other side of Berth.vessel, whose type is the root. */
@Entity
@DiscriminatorValue("tanker")
public class Tanker extends Vessel {
    @OneToOne(mappedBy = "vessel")
    public Berth berth;

    protected Tanker() {
    }

    public Tanker(String name) {
        super(name);
    }
}
