package dev.retort.orm.rel.o2o;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;

/** The owning side of Driver.licence (column driver_id, UNIQUE, NOT NULL). */
@Entity
public class Licence {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String number;
    @OneToOne(optional = false)
    public Driver driver;

    protected Licence() {
    }

    public Licence(String number) {
        this.number = number;
    }

    @Override
    public String toString() {
        return "Licence[" + number + "]";
    }
}
