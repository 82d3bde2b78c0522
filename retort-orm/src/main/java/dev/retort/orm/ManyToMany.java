package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A collection of objects of another entity related through an association table that holds one
 * row per pair of keys (a playlist's tracks, a track's playlists). The owning side names the
 * table; the other side, if any, is {@code mappedBy} the owning field. Adding or removing objects
 * inserts or deletes association rows at the next flush; deleting an object deletes its rows.
 *
 * <pre>{@code
 * @ManyToMany(table = "playlist_track") List<Track> tracks = new ArrayList<>();   // on Playlist
 * @ManyToMany(mappedBy = "tracks") Set<Playlist> playlists = new HashSet<>();     // on Track
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToMany {

    /** @return the association table's name (owning side); empty for {@code <owner table>_<target table>} */
    String table() default "";

    /** @return the association column holding this entity's key; empty for {@code <owner table>_id} */
    String joinColumn() default "";

    /** @return the association column holding the related entity's key; empty for {@code <target table>_id} */
    String inverseJoinColumn() default "";

    /** @return on the other side, the owning side's field name; empty on the owning side */
    String mappedBy() default "";

    /** @return how it is loaded by default */
    Load load() default Load.LAZY;

    /** @return what operations on this object do to the related objects (never deleted by a cascade) */
    Cascade[] cascade() default {Cascade.SAVE_UPDATE, Cascade.MERGE};
}
