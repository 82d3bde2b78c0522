package dev.retort.orm.joined;

import dev.retort.orm.Column;
import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.ManyToOne;

/** A person at a school (NOT NULL in its own table), on a campus (a foreign key in the student table). */
@Entity
@DiscriminatorValue("student")
public class Student extends Person {
    @Column(length = 50, nullable = false)
    String school;

    @ManyToOne
    School campus;

    protected Student() {
    }

    public Student(String name, String school) {
        super(name);
        this.school = school;
    }
}
