package dev.retort.orm.chinook;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToMany;
import dev.retort.orm.ManyToOne;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

/** A track for sale: on an album, of a genre and a media type, in playlists. */
@Entity
public class Track {
    @Id
    public Integer trackId;
    @Column(length = 200, nullable = false)
    public String name;
    @ManyToOne
    public Album album;
    @ManyToOne(optional = false)
    public MediaType mediaType;
    @ManyToOne
    public Genre genre;
    @Column(length = 220)
    public String composer;
    public int milliseconds;
    public Integer bytes;
    @Column(precision = 10, scale = 2, nullable = false)
    public BigDecimal unitPrice;
    @ManyToMany(mappedBy = "tracks")
    public Set<Playlist> playlists = new LinkedHashSet<>();

    protected Track() {
    }

    @Override
    public String toString() {
        return "Track[" + name + "]";
    }
}
