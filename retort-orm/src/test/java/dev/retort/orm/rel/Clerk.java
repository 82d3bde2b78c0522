package dev.retort.orm.rel;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;

/** A clerk at one desk at most; desks outlive clerks (default cascades: no delete, no orphans). */
@Entity
public class Clerk {
    @Id @Generated
    public Long id;
    @Column(length = 60, nullable = false)
    public String name;
    @OneToOne(mappedBy = "clerk")
    public Desk desk;

    protected Clerk() {
    }

    public Clerk(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Clerk[" + name + "]";
    }
}
