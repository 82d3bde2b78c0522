package dev.retort.orm.ref;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;

/** The root of a single-table hierarchy whose subclass has a Ref. */
@Entity
@Inheritance(subclasses = GoldMembership.class)
@DiscriminatorValue("plain")
public class Membership {
    @Id @Generated
    public Long id;
    public String code;

    protected Membership() {
    }

    public Membership(String code) {
        this.code = code;
    }
}
