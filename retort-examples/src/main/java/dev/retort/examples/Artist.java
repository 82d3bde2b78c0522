package dev.retort.examples;

import dev.retort.orm.Cascade;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** The relationships guide's artist: its albums cannot live without it. */
// tag::mapping[]
@Entity
public class Artist {
    @Id @Generated
    Long id;
    String name;

    @OneToMany(mappedBy = "artist", orderBy = "title",
               cascade = {Cascade.SAVE_UPDATE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
    List<Album> albums = new ArrayList<>();
    // end::mapping[]

    protected Artist() {
    }

    /** @param name the artist's name */
    public Artist(String name) {
        this.name = name;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the albums (loaded on first access) */
    public List<Album> albums() {
        return albums;
    }
// tag::mapping[]
}
// end::mapping[]
