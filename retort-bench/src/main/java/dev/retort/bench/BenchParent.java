package dev.retort.bench;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** Scenario 5's parent for Retort ORM: ten {@link BenchChild}ren each. */
@Entity(table = "bench_parent")
public class BenchParent {
    @Id
    Long id;
    @Column(length = 40, nullable = false)
    String name;
    @OneToMany(mappedBy = "parent")
    List<BenchChild> children = new ArrayList<>();

    BenchParent() {
    }

    /** The plain objects raw JDBC, Core and jOOQ read a parent and its children into. */
    record Plain(long id, String name, List<BenchChild.Plain> children) {
    }
}
