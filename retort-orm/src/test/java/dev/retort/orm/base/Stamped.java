package dev.retort.orm.base;

import dev.retort.orm.Column;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;

/** Not an entity: the fields its entity subclasses share, each mapped in the subclass's own table. */
public abstract class Stamped {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String createdBy;
}
