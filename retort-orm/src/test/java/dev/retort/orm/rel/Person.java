package dev.retort.orm.rel;

import dev.retort.orm.Cascade;
import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;

/** A person with at most one passport, which cannot live without its holder (the other side of Passport.holder). */
@Entity
public class Person {
    @Id @Generated
    public Long id;
    @Column(length = 60, nullable = false)
    public String name;
    @OneToOne(mappedBy = "holder", cascade = {Cascade.SAVE_UPDATE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
    public Passport passport;

    protected Person() {
    }

    public Person(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Person[" + name + "]";
    }
}
