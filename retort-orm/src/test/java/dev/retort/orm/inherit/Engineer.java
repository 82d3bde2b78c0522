package dev.retort.orm.inherit;

import dev.retort.orm.Column;
import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.ManyToOne;

/** An employee with a programming language (required) and a mentor, who is a manager. */
@Entity
@DiscriminatorValue("engineer")
public class Engineer extends Employee {
    @Column(length = 30, nullable = false)
    String language;

    @ManyToOne
    Manager mentor;

    protected Engineer() {
    }

    public Engineer(String name, String language) {
        super(name);
        this.language = language;
    }
}
