package dev.retort.orm.rel;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToMany;
import dev.retort.orm.ManyToOne;

import java.util.LinkedHashSet;
import java.util.Set;

/** The other side of the many-to-many. */
@Entity
public class Track {
    @Id @Generated
    public Long id;
    public String title;
    /** The track this one is a cover of, if any. */
    @ManyToOne
    public Track original;
    @ManyToMany(mappedBy = "tracks")
    public Set<Playlist> playlists = new LinkedHashSet<>();

    protected Track() {
    }

    public Track(String title) {
        this.title = title;
    }

    @Override
    public String toString() {
        return title;
    }
}
