package dev.retort.orm.model;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;

/** An author: a generated key and a unique name. */
@Entity(table = "authors")
public class Author {
    @Id @Generated
    public Long id;
    @Column(length = 100, nullable = false, unique = true)
    public String name;
    public String email;

    protected Author() {
    }

    public Author(String name) {
        this.name = name;
    }
}
