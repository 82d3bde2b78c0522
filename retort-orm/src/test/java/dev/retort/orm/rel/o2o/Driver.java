package dev.retort.orm.rel.o2o;

import dev.retort.orm.Cascade;
import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;

/** A driver starts with a provisional licence: the other side of a one-to-one with a field initializer. */
@Entity
public class Driver {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String name;
    @OneToOne(mappedBy = "driver", cascade = {Cascade.SAVE_UPDATE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
    public Licence licence = new Licence("provisional");

    protected Driver() {
    }

    public Driver(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Driver[" + name + "]";
    }
}
