package dev.retort.orm.cycle;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

/** A team and its coach referring to each other without a post-update reference: mapped, but not flushed together. */
@Entity
public class Team {
    @Id @Generated
    public Long id;
    public String name;
    @ManyToOne
    public Coach coach;
}
