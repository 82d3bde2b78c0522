package dev.retort.orm.joined;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;

/** Where students study (referred to from the student table). */
@Entity
public class School {
    @Id @Generated
    Long id;

    String name;

    protected School() {
    }

    public School(String name) {
        this.name = name;
    }
}
