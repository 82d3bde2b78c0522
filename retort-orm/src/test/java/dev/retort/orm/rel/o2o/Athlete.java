package dev.retort.orm.rel.o2o;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

/** An athlete of a team. */
@Entity
public class Athlete {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String name;
    @ManyToOne
    public Team team;

    protected Athlete() {
    }

    public Athlete(String name) {
        this.name = name;
    }
}
