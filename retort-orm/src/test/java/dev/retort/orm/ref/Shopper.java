package dev.retort.orm.ref;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** A shopper: purchases refer to it through a {@code Ref}. */
@Entity
public class Shopper {
    @Id @Generated
    public Long id;
    public String name;
    @OneToMany(mappedBy = "shopper")
    public List<Purchase> purchases = new ArrayList<>();

    protected Shopper() {
    }

    public Shopper(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Shopper[" + name + "]";
    }
}
