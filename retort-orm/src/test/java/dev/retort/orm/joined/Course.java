package dev.retort.orm.joined;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

/** Taught by a teacher (a reference to a JOINED subclass). */
@Entity
public class Course {
    @Id @Generated
    Long id;

    String title;

    @ManyToOne
    Teacher teacher;

    protected Course() {
    }

    public Course(String title, Teacher teacher) {
        this.title = title;
        this.teacher = teacher;
    }
}
