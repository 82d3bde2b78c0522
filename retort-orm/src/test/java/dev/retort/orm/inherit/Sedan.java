package dev.retort.orm.inherit;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;

/** A motor that carries people. */
@Entity
@DiscriminatorValue("sedan")
public class Sedan extends Motor {
    Integer seats;

    protected Sedan() {
    }

    public Sedan(String plate, Garage garage, int seats) {
        super(plate, garage);
        this.seats = seats;
    }
}
