package dev.retort.orm.chinook;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** An album of one artist, with its tracks. */
@Entity
public class Album {
    @Id
    public Integer albumId;
    @Column(length = 160, nullable = false)
    public String title;
    @ManyToOne(optional = false)
    public Artist artist;
    @OneToMany(mappedBy = "album", orderBy = "trackId")
    public List<Track> tracks = new ArrayList<>();

    protected Album() {
    }

    @Override
    public String toString() {
        return "Album[" + title + "]";
    }
}
