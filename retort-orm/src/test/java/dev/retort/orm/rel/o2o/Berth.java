package dev.retort.orm.rel.o2o;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;

/** The owning side of a one-to-one with the root of a hierarchy (column vessel_id, UNIQUE). */
@Entity
public class Berth {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String label;
    @OneToOne
    public Vessel vessel;

    protected Berth() {
    }

    public Berth(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return "Berth[" + label + "]";
    }
}
