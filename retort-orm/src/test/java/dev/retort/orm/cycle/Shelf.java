package dev.retort.orm.cycle;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.References;

/** A shelf with a featured book, as plain key columns: shelf and book refer to each other through {@code @References}. */
@Entity
public class Shelf {
    @Id @Generated
    public Long id;
    public String label;
    @References(Book.class)
    public Long featuredBookId;
}
