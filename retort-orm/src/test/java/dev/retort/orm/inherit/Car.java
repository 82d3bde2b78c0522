package dev.retort.orm.inherit;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;

/** A vehicle with seats. */
@Entity
@DiscriminatorValue("car")
public class Car extends Vehicle {
    int seats;

    protected Car() {
    }

    public Car(int seats) {
        super(4);
        this.seats = seats;
    }
}
