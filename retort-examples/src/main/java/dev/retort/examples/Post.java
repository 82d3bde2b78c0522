package dev.retort.examples;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.References;
import dev.retort.orm.Version;

/** A post of a {@link User}, with optimistic locking. */
// tag::entity[]
@Entity
public class Post {
    @Id @Generated
    Long id;

    @References(User.class)
    Long userId;

    String title;

    @Version
    int version;

    protected Post() {
    }

    public Post(User author, String title) {
        this.userId = author.id;
        this.title = title;
    }
    // end::entity[]

    /** @return the id */
    public Long id() {
        return id;
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /** @param title the new title */
    public void setTitle(String title) {
        this.title = title;
    }

    /** @return the version */
    public int version() {
        return version;
    }
// tag::entity[]
}
// end::entity[]
