package dev.retort.examples;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** A student, enrolled in courses through {@link Enrollment}s. */
@Entity
public class Student {
    @Id @Generated
    Long id;

    String name;

    @OneToMany(mappedBy = "student")
    List<Enrollment> enrollments = new ArrayList<>();

    protected Student() {
    }

    /** @param name the student's name */
    public Student(String name) {
        this.name = name;
    }

    /** @return the key */
    public Long id() {
        return id;
    }

    /** @return the name */
    public String name() {
        return name;
    }
}
