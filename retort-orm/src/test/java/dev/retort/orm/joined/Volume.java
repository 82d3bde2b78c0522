package dev.retort.orm.joined;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;

/** An item with pages, in its own table. */
@Entity
@DiscriminatorValue("volume")
public class Volume extends Item {
    Integer pages;
    protected Volume() {
    }
    public Volume(String name, Shelf shelf, int pages) {
        super(name, shelf);
        this.pages = pages;
    }
}
