package dev.retort.orm.deferred;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;

/** A team a profile belongs to: a reference whose key column always loads. */
@Entity
public class Team {
    @Id @Generated
    Long id;

    String name;

    protected Team() {
    }

    public Team(String name) {
        this.name = name;
    }
}
