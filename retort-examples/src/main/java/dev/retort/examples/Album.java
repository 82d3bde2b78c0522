package dev.retort.examples;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToMany;
import dev.retort.orm.ManyToOne;

import java.util.ArrayList;
import java.util.List;

/** An album of an artist, with songs shared with other albums (a compilation). */
// tag::mapping[]
@Entity
public class Album {
    @Id @Generated
    Long id;
    String title;

    @ManyToOne(optional = false)                 // column artist_id, a FOREIGN KEY, NOT NULL
    Artist artist;

    @ManyToMany(table = "album_song")            // rows of album_song follow this list
    List<Song> songs = new ArrayList<>();
    // end::mapping[]

    protected Album() {
    }

    /** @param title the title */
    public Album(String title) {
        this.title = title;
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /** @return the artist */
    public Artist artist() {
        return artist;
    }

    /** @return the songs */
    public List<Song> songs() {
        return songs;
    }
// tag::mapping[]
}
// end::mapping[]
