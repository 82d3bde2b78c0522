package dev.retort.examples.cycles;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

/** An employee of a {@link Department}. */
// tag::mapping[]
@Entity
public class Employee {
    @Id @Generated
    Long id;
    String name;

    @ManyToOne                                   // department_id: an ordinary reference
    Department department;
    // end::mapping[]

    protected Employee() {
    }

    /**
     * @param name the employee's name
     * @param department the department, whose staff the employee joins
     */
    public Employee(String name, Department department) {
        this.name = name;
        this.department = department;
        department.staff.add(this);
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the department */
    public Department department() {
        return department;
    }
    // tag::mapping[]
}
// end::mapping[]
