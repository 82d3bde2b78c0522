package dev.retort.orm.joined;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;

/** A teacher holding a chair: three tables deep. */
@Entity
@DiscriminatorValue("professor")
public class Professor extends Teacher {
    String chair;

    protected Professor() {
    }

    public Professor(String name, String subject, String chair) {
        super(name, subject);
        this.chair = chair;
    }
}
