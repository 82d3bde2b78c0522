package dev.retort.orm.chinook;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToMany;

import java.util.LinkedHashSet;
import java.util.Set;

/** A playlist: tracks, each of which may be in many playlists (through {@code PlaylistTrack}). */
@Entity
public class Playlist {
    @Id
    public Integer playlistId;
    @Column(length = 120)
    public String name;
    @ManyToMany(table = "PlaylistTrack", joinColumn = "PlaylistId", inverseJoinColumn = "TrackId")
    public Set<Track> tracks = new LinkedHashSet<>();

    protected Playlist() {
    }

    @Override
    public String toString() {
        return "Playlist[" + name + "]";
    }
}
