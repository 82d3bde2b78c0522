package dev.retort.orm.joined;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** A person teaching a subject. */
@Entity
@DiscriminatorValue("teacher")
public class Teacher extends Person {
    String subject;

    @OneToMany(mappedBy = "teacher")
    List<Course> courses = new ArrayList<>();

    protected Teacher() {
    }

    public Teacher(String name, String subject) {
        super(name);
        this.subject = subject;
    }
}
