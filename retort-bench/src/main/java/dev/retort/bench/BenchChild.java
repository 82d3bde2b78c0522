package dev.retort.bench;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

/** Scenario 5's child for Retort ORM: belongs to a {@link BenchParent}. */
@Entity(table = "bench_child")
public class BenchChild {
    @Id
    Long id;
    @ManyToOne(optional = false)
    BenchParent parent;
    @Column(length = 40, nullable = false)
    String name;
    long amount;

    BenchChild() {
    }

    /** The plain object raw JDBC, Core and jOOQ read a child into. */
    record Plain(long id, String name, long amount) {
    }
}
