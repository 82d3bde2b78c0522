package dev.retort.orm.cycle;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.References;

/** See {@link Shelf}. */
@Entity
public class Book {
    @Id @Generated
    public Long id;
    public String title;
    @References(Shelf.class)
    public Long shelfId;
}
