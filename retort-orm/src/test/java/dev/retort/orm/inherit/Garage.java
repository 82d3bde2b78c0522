package dev.retort.orm.inherit;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** A garage whose lorries are a collection of one subclass of a single-table hierarchy (Motor). */
@Entity
public class Garage {
    @Id @Generated
    Long id;
    String name;
    @OneToMany(mappedBy = "garage", orderBy = "plate")
    List<Lorry> lorries = new ArrayList<>();

    protected Garage() {
    }

    public Garage(String name) {
        this.name = name;
    }
}
