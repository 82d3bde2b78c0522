package dev.retort.orm.ref;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.Ref;

/** A dog in a {@link Kennel}: its kennel is a Ref. */
@Entity
public class Dog {
    @Id @Generated
    public Long id;
    public String name;
    @ManyToOne
    public Ref<Kennel> kennel;

    protected Dog() {
    }

    public Dog(String name) {
        this.name = name;
    }
}
