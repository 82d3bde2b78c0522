package dev.retort.orm.rel;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToMany;

import java.util.ArrayList;
import java.util.List;

/** The owning side of a many-to-many: it names the association table. */
@Entity
public class Playlist {
    @Id @Generated
    public Long id;
    public String name;
    @ManyToMany(table = "playlist_track")
    public List<Track> tracks = new ArrayList<>();

    protected Playlist() {
    }

    public Playlist(String name) {
        this.name = name;
    }
}
