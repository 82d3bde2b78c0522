package dev.retort.orm.inherit;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;

/** A motor that carries loads. */
@Entity
@DiscriminatorValue("lorry")
public class Lorry extends Motor {
    Double payload;

    protected Lorry() {
    }

    public Lorry(String plate, Garage garage, double payload) {
        super(plate, garage);
        this.payload = payload;
    }
}
