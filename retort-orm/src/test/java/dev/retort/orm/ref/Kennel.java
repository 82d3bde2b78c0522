package dev.retort.orm.ref;

import dev.retort.orm.Cascade;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** A kennel whose dogs are deleted when taken out and not put in another kennel. */
@Entity
public class Kennel {
    @Id @Generated
    public Long id;
    public String name;
    @OneToMany(mappedBy = "kennel", cascade = {Cascade.SAVE_UPDATE, Cascade.DELETE_ORPHAN})
    public List<Dog> dogs = new ArrayList<>();

    protected Kennel() {
    }

    public Kennel(String name) {
        this.name = name;
    }
}
