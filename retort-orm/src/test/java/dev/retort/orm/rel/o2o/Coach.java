package dev.retort.orm.rel.o2o;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;

/** The coach of one team at most: the owning side (column team_id, UNIQUE). */
@Entity
public class Coach {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String name;
    @OneToOne
    public Team team;

    protected Coach() {
    }

    public Coach(String name) {
        this.name = name;
    }
}
