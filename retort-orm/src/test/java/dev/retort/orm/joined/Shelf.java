package dev.retort.orm.joined;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** A shelf of items, a JOINED hierarchy: a one-to-many whose elements span tables. */
@Entity
public class Shelf {
    @Id @Generated
    Long id;
    String name;
    @OneToMany(mappedBy = "shelf")
    List<Item> items = new ArrayList<>();
    protected Shelf() {
    }
    public Shelf(String name) {
        this.name = name;
    }
}
