package dev.retort.examples.cycles;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** A department managed by one of its employees: two tables that refer to each other. */
// tag::mapping[]
@Entity
public class Department {
    @Id @Generated
    Long id;
    String name;

    @ManyToOne(postUpdate = true)                // manager_id: written by an UPDATE after the INSERTs
    Employee manager;

    @OneToMany(mappedBy = "department")
    List<Employee> staff = new ArrayList<>();
    // end::mapping[]

    protected Department() {
    }

    /** @param name the department's name */
    public Department(String name) {
        this.name = name;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the manager, or {@code null} */
    public Employee manager() {
        return manager;
    }

    /** @param manager the new manager, or {@code null} */
    public void manager(Employee manager) {
        this.manager = manager;
    }

    /** @return the employees */
    public List<Employee> staff() {
        return staff;
    }
    // tag::mapping[]
}
// end::mapping[]
