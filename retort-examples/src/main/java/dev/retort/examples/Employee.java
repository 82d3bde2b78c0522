package dev.retort.examples;

import dev.retort.orm.Column;
import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;
import dev.retort.orm.Version;

/** The root of a single-table hierarchy: employees, engineers and managers share table staff. */
// tag::entity[]
@Entity(table = "staff")
@Inheritance(subclasses = {Engineer.class, Manager.class})   // or a sealed class
@DiscriminatorValue("employee")                              // column "type" holds it
public class Employee {
    @Id @Generated
    Long id;

    @Column(length = 50, nullable = false)
    String name;

    @Version
    int version;

    protected Employee() {
    }

    public Employee(String name) {
        this.name = name;
    }
    // end::entity[]

    /** @return the id */
    public Long id() {
        return id;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}
