package dev.retort.orm.rel.o2o;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;
import dev.retort.orm.OneToOne;

import java.util.ArrayList;
import java.util.List;

/** A team with athletes (one-to-many) and a coach (the other side of a one-to-one). */
@Entity
public class Team {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String name;
    @OneToMany(mappedBy = "team", orderBy = "name")
    public List<Athlete> athletes = new ArrayList<>();
    @OneToOne(mappedBy = "team")
    public Coach coach;

    protected Team() {
    }

    public Team(String name) {
        this.name = name;
    }
}
