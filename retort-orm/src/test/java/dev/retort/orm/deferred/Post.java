package dev.retort.orm.deferred;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

/** A post by a profile: its author loads with the author's default columns. */
@Entity
public class Post {
    @Id @Generated
    Long id;

    String title;

    @ManyToOne
    Profile author;

    protected Post() {
    }

    public Post(String title, Profile author) {
        this.title = title;
        this.author = author;
    }
}
