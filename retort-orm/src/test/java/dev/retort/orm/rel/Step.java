package dev.retort.orm.rel;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;

/** A step of a chain: a one-to-one of the entity with itself (column next_id, UNIQUE). */
@Entity
public class Step {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String name;
    @OneToOne
    public Step next;
    @OneToOne(mappedBy = "next")
    public Step previous;

    protected Step() {
    }

    public Step(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Step[" + name + "]";
    }
}
