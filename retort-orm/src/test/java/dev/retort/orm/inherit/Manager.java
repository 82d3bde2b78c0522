package dev.retort.orm.inherit;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;

/** An employee with a budget. */
@Entity
@DiscriminatorValue("manager")
public class Manager extends Employee {
    private Integer budget;

    protected Manager() {
    }

    public Manager(String name, Integer budget) {
        super(name);
        this.budget = budget;
    }

    public Integer budget() {
        return budget;
    }

    public void budget(Integer budget) {
        this.budget = budget;
    }
}
