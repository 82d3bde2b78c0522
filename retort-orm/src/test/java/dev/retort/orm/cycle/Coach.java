package dev.retort.orm.cycle;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

/** See {@link Team}. */
@Entity
public class Coach {
    @Id @Generated
    public Long id;
    public String name;
    @ManyToOne
    public Team team;
}
