package dev.retort.examples;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;

/** An employee with a budget. */
// tag::entity[]
@Entity
@DiscriminatorValue("manager")
public class Manager extends Employee {
    Integer budget;

    protected Manager() {
    }

    public Manager(String name, Integer budget) {
        super(name);
        this.budget = budget;
    }
}
// end::entity[]
