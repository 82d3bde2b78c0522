package dev.retort.orm.model;

import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.References;

/** One link of a chain of three tables: Region &lt;- Country &lt;- City. */
@Entity
public class Country {
    @Id
    public long id;
    public String name;
    @References(Region.class)
    public long regionId;

    protected Country() {
    }

    public Country(long id, String name, long regionId) { this.id = id; this.name = name; this.regionId = regionId; }
}
