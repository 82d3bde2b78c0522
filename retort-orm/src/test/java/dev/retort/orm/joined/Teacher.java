package dev.retort.orm.joined;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;

/** A person teaching a subject. */
@Entity
@DiscriminatorValue("teacher")
public class Teacher extends Person {
    String subject;

    protected Teacher() {
    }

    public Teacher(String name, String subject) {
        super(name);
        this.subject = subject;
    }
}
