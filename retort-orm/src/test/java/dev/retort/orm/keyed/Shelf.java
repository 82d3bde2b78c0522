package dev.retort.orm.keyed;

import dev.retort.orm.Cascade;
import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.util.LinkedHashMap;
import java.util.Map;

/** A shelf whose jars are keyed by their slot; a jar taken off the shelf is thrown away (orphan). */
@Entity
public class Shelf {
    @Id @Generated
    public Long id;
    @Column(length = 30, nullable = false)
    public String name;
    @OneToMany(mappedBy = "shelf", mapKey = "slot", orderBy = "slot",
            cascade = {Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
    public Map<String, Jar> jars = new LinkedHashMap<>();

    protected Shelf() {
    }

    public Shelf(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Shelf[" + name + "]";
    }
}
