package dev.retort.bench;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 5's parent for Hibernate: a lazy collection that, when first read, loads the children
 * of every parent the query returned with one subselect ({@link FetchMode#SUBSELECT}); a
 * {@code join fetch} in the query loads them in the same statement instead.
 */
@Entity
@Table(name = "bench_parent")
public class HibernateParent {
    @Id
    Long id;
    String name;
    @OneToMany(mappedBy = "parent")
    @OrderBy("id")
    @Fetch(FetchMode.SUBSELECT)
    List<HibernateChild> children = new ArrayList<>();

    /** For Hibernate. */
    protected HibernateParent() {
    }
}
