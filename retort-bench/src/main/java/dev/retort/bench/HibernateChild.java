package dev.retort.bench;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Scenario 5's child for Hibernate. */
@Entity
@Table(name = "bench_child")
public class HibernateChild {
    @Id
    Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "parent_id")
    HibernateParent parent;
    String name;
    long amount;

    /** For Hibernate. */
    protected HibernateChild() {
    }
}
