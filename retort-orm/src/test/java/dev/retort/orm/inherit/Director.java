package dev.retort.orm.inherit;

import dev.retort.orm.Entity;

/** A manager with a car; its discriminator value is the default, its simple name. */
@Entity
public class Director extends Manager {
    String car;

    protected Director() {
    }

    public Director(String name, Integer budget, String car) {
        super(name, budget);
        this.car = car;
    }
}
