package dev.retort.orm.inherit;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** Has employees of every class (a one-to-many to the root of the hierarchy). */
@Entity
public class Department {
    @Id @Generated
    Long id;

    String name;

    @OneToMany(mappedBy = "department")
    List<Employee> staff = new ArrayList<>();

    protected Department() {
    }

    public Department(String name) {
        this.name = name;
    }
}
