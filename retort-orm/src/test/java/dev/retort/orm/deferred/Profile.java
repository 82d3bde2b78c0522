package dev.retort.orm.deferred;

import dev.retort.orm.Deferred;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.Version;

/** A profile whose large columns are deferred: a biography alone, a photo with its type as a group, a counter. */
@Entity
public class Profile {
    @Id @Generated
    Long id;

    String name;

    String email;

    @Deferred
    String bio;

    @Deferred(group = "photo")
    byte[] photo;

    @Deferred(group = "photo")
    String photoType;

    @Deferred
    int visits;

    @ManyToOne
    Team team;

    @Version
    int version;

    protected Profile() {
    }

    public Profile(String name, String email, String bio, int visits) {
        this.name = name;
        this.email = email;
        this.bio = bio;
        this.visits = visits;
    }
}
