package dev.retort.orm.joined;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.InheritanceStrategy;

/** The root of a small JOINED hierarchy (Item &lt;- Volume) kept on a shelf. */
@Entity
@Inheritance(strategy = InheritanceStrategy.JOINED, subclasses = {Volume.class})
@DiscriminatorValue("item")
public class Item {
    @Id @Generated
    Long id;
    String name;
    @ManyToOne
    Shelf shelf;
    protected Item() {
    }
    public Item(String name, Shelf shelf) {
        this.name = name;
        this.shelf = shelf;
    }
}
