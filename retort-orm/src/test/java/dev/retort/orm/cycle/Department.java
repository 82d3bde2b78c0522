package dev.retort.orm.cycle;

import dev.retort.orm.Cascade;
import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/**
 * A department, managed by one of its employees: department and employee refer to each other, so
 * the manager is a post-update reference (written after the INSERTs, cleared before the DELETEs).
 */
@Entity
public class Department {
    @Id @Generated
    public Long id;
    @Column(length = 30, nullable = false)
    public String name;
    @ManyToOne(postUpdate = true)
    public Employee manager;
    @OneToMany(mappedBy = "department", cascade = {Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.DELETE})
    public List<Employee> staff = new ArrayList<>();

    protected Department() {
    }

    public Department(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
