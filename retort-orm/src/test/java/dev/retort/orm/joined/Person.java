package dev.retort.orm.joined;

import dev.retort.orm.Column;
import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;
import dev.retort.orm.InheritanceStrategy;
import dev.retort.orm.Version;

/** The root of a JOINED hierarchy: Person &lt;- Student, Teacher &lt;- Professor, a table each. */
@Entity
@Inheritance(strategy = InheritanceStrategy.JOINED, subclasses = {Student.class, Teacher.class, Professor.class})
@DiscriminatorValue("person")
public class Person {
    @Id @Generated
    Long id;

    @Column(length = 50, nullable = false)
    String name;

    @Version
    int version;

    protected Person() {
    }

    public Person(String name) {
        this.name = name;
    }
}
