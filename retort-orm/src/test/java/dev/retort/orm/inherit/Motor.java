package dev.retort.orm.inherit;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.OneToOne;

/** A motor vehicle kept in a garage: the root of a single-table hierarchy (Lorry, Sedan). */
@Entity
@Inheritance(subclasses = {Lorry.class, Sedan.class}, discriminator = "kind")
public abstract class Motor {
    @Id @Generated
    Long id;
    String plate;
    @ManyToOne
    Garage garage;
    @OneToOne
    Bay bay;

    protected Motor() {
    }

    protected Motor(String plate, Garage garage) {
        this.plate = plate;
        this.garage = garage;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + plate + ")";
    }
}
