package dev.retort.examples;

import dev.retort.orm.Column;
import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;

/** An employee who writes code. */
// tag::entity[]
@Entity
@DiscriminatorValue("engineer")
public class Engineer extends Employee {
    @Column(length = 30, nullable = false)   // nullable in staff; checked at flush
    String language;

    protected Engineer() {
    }

    public Engineer(String name, String language) {
        super(name);
        this.language = language;
    }
}
// end::entity[]
