package dev.retort.orm.twice;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** A team, in fixtures at home and away: two relationships with the same entity. */
@Entity
public class Team {
    @Id @Generated
    public Long id;
    public String name;
    @OneToMany(mappedBy = "home", orderBy = "day")
    public List<Fixture> homeFixtures = new ArrayList<>();
    @OneToMany(mappedBy = "away", orderBy = "day")
    public List<Fixture> awayFixtures = new ArrayList<>();

    protected Team() {
    }

    public Team(String name) {
        this.name = name;
    }
}
