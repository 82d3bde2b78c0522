package dev.retort.orm.model;

import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.References;

/** One link of a chain of three tables: Region &lt;- Country &lt;- City. */
@Entity
public class City {
    @Id
    public long id;
    public String name;
    @References(Country.class)
    public long countryId;

    protected City() {
    }

    public City(long id, String name, long countryId) { this.id = id; this.name = name; this.countryId = countryId; }
}
