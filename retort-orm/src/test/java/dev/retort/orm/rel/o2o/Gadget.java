package dev.retort.orm.rel.o2o;

import dev.retort.orm.Column;
import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;
import dev.retort.orm.OneToOne;

/** The root of a single-table hierarchy (Gadget &lt;- Phone), the other side of Charger.gadget. */
@Entity
@Inheritance(subclasses = Phone.class, discriminator = "kind")
@DiscriminatorValue("gadget")
public class Gadget {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String name;
    @OneToOne(mappedBy = "gadget")
    public Charger charger;

    protected Gadget() {
    }

    public Gadget(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}
