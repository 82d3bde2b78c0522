package dev.retort.examples;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToMany;

import java.util.LinkedHashSet;
import java.util.Set;

/** A song, on one album or several. */
// tag::mapping[]
@Entity
public class Song {
    @Id @Generated
    Long id;
    String title;

    @ManyToMany(mappedBy = "songs")              // the other side of Album.songs
    Set<Album> albums = new LinkedHashSet<>();
    // end::mapping[]

    protected Song() {
    }

    /** @param title the title */
    public Song(String title) {
        this.title = title;
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /** @return the albums it is on */
    public Set<Album> albums() {
        return albums;
    }
// tag::mapping[]
}
// end::mapping[]
