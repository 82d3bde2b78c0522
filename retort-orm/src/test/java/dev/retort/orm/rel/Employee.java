package dev.retort.orm.rel;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.OneToMany;

import java.util.LinkedHashSet;
import java.util.Set;

/** A tree: employees report to a manager, in the same table. */
@Entity
public class Employee {
    @Id @Generated
    public Long id;
    public String name;
    @ManyToOne
    public Employee manager;
    @OneToMany(mappedBy = "manager")
    public Set<Employee> reports = new LinkedHashSet<>();

    protected Employee() {
    }

    public Employee(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
