package dev.retort.orm.model;

import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.References;

/** One link of a chain of three tables: Region &lt;- Country &lt;- City. */
@Entity
public class Region {
    @Id
    public long id;
    public String name;

    protected Region() {
    }

    public Region(long id, String name) { this.id = id; this.name = name; }
}
