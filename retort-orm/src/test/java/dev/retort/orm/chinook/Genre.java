package dev.retort.orm.chinook;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;

/** A musical genre of tracks. */
@Entity
public class Genre {
    @Id
    public Integer genreId;
    @Column(length = 120)
    public String name;

    protected Genre() {
    }

    @Override
    public String toString() {
        return "Genre[" + name + "]";
    }
}
