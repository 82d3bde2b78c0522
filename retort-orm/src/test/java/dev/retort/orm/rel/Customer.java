package dev.retort.orm.rel;

import dev.retort.orm.Cascade;
import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** A customer with invoices, which cannot live without it. */
@Entity
public class Customer {
    @Id @Generated
    public Long id;
    @Column(length = 60, nullable = false)
    public String name;
    @OneToMany(mappedBy = "customer", cascade = {Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.DELETE, Cascade.DELETE_ORPHAN},
            orderBy = "number")
    public List<Invoice> invoices = new ArrayList<>();

    protected Customer() {
    }

    public Customer(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Customer[" + name + "]";
    }
}
