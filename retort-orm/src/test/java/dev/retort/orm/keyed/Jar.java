package dev.retort.orm.keyed;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

/** A jar in a slot of a shelf. */
@Entity
public class Jar {
    @Id @Generated
    public Long id;
    @Column(length = 10, nullable = false)
    public String slot;
    public String content;
    @ManyToOne
    public Shelf shelf;

    protected Jar() {
    }

    public Jar(String slot, String content) {
        this.slot = slot;
        this.content = content;
    }

    @Override
    public String toString() {
        return "Jar[" + slot + ": " + content + "]";
    }
}
