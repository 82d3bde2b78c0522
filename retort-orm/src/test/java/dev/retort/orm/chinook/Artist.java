package dev.retort.orm.chinook;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** A recording artist, with the albums it released. */
@Entity
public class Artist {
    @Id
    public Integer artistId;
    @Column(length = 120)
    public String name;
    @OneToMany(mappedBy = "artist", orderBy = "albumId")
    public List<Album> albums = new ArrayList<>();

    protected Artist() {
    }

    @Override
    public String toString() {
        return "Artist[" + name + "]";
    }
}
