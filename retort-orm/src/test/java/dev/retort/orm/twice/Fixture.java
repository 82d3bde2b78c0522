package dev.retort.orm.twice;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

/** A fixture between two teams: two foreign keys to the same table. */
@Entity
public class Fixture {
    @Id @Generated
    public Long id;
    public int day;
    @ManyToOne(optional = false)
    public Team home;
    @ManyToOne(optional = false)
    public Team away;

    protected Fixture() {
    }

    public Fixture(int day) {
        this.day = day;
    }

    @Override
    public String toString() {
        return "day " + day + ": " + home.name + " v " + away.name;
    }
}
