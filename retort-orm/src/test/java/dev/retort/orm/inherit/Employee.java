package dev.retort.orm.inherit;

import dev.retort.orm.Column;
import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.Version;

/** The root of a single-table hierarchy: Employee &lt;- Engineer, Manager &lt;- Director. */
@Entity(table = "staff")
@Inheritance(subclasses = {Engineer.class, Manager.class, Director.class})
@DiscriminatorValue("employee")
public class Employee {
    @Id @Generated
    Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @Version
    int version;

    @ManyToOne
    Department department;

    protected Employee() {
    }

    public Employee(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + ")";
    }
}
