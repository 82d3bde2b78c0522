package dev.retort.orm.model;

import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.References;

/** A tree of categories: a table that refers to itself, with ids the application assigns. */
@Entity
public class Category {
    @Id
    public long id;
    public String name;
    @References(Category.class)
    public Long parentId;

    protected Category() {
    }

    public Category(long id, String name, Long parentId) {
        this.id = id;
        this.name = name;
        this.parentId = parentId;
    }
}
