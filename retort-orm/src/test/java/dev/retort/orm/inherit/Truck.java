package dev.retort.orm.inherit;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;

/** A vehicle with a payload. */
@Entity
@DiscriminatorValue("truck")
public class Truck extends Vehicle {
    Double payload;

    protected Truck() {
    }

    public Truck(int wheels, double payload) {
        super(wheels);
        this.payload = payload;
    }
}
