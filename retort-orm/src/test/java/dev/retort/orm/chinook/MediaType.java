package dev.retort.orm.chinook;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;

/** The file format a track is sold in. */
@Entity
public class MediaType {
    @Id
    public Integer mediaTypeId;
    @Column(length = 120)
    public String name;

    protected MediaType() {
    }

    @Override
    public String toString() {
        return "MediaType[" + name + "]";
    }
}
