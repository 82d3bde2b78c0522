package dev.retort.orm.inherit;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** An employee with a budget, mentoring engineers (a one-to-many between two subclasses). */
@Entity
@DiscriminatorValue("manager")
public class Manager extends Employee {
    private Integer budget;

    @OneToMany(mappedBy = "mentor")
    List<Engineer> mentees = new ArrayList<>();

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
