package dev.retort.orm.rel.o2o;

import dev.retort.orm.Column;
import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;

/** The root of a single-table hierarchy (Vessel &lt;- Tanker) that Berth.vessel refers to. */
@Entity
@Inheritance(subclasses = Tanker.class, discriminator = "kind")
@DiscriminatorValue("vessel")
public class Vessel {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String name;

    protected Vessel() {
    }

    public Vessel(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}
