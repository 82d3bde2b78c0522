package dev.retort.orm.inherit;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;

/** An abstract root: its rows are cars and trucks. */
@Entity
@Inheritance(subclasses = {Car.class, Truck.class}, discriminator = "kind")
public abstract class Vehicle {
    @Id @Generated
    Long id;

    int wheels;

    protected Vehicle() {
    }

    protected Vehicle(int wheels) {
        this.wheels = wheels;
    }
}
