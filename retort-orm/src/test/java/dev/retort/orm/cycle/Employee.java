package dev.retort.orm.cycle;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.schema.ReferentialAction;

/** An employee of a {@link Department}; deleting a department deletes its staff (ON DELETE CASCADE). */
@Entity
public class Employee {
    @Id @Generated
    public Long id;
    @Column(length = 30, nullable = false)
    public String name;
    @ManyToOne(onDelete = ReferentialAction.CASCADE)
    public Department department;

    protected Employee() {
    }

    public Employee(String name, Department department) {
        this.name = name;
        this.department = department;
        if (department != null) {
            department.staff.add(this);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
