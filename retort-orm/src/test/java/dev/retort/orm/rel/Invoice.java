package dev.retort.orm.rel;

import dev.retort.orm.Cascade;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Load;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.OneToMany;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An invoice of a customer; its lines load with it (select-in). */
@Entity
public class Invoice {
    @Id @Generated
    public Long id;
    public int number;
    @ManyToOne(optional = false)
    public Customer customer;
    public BigDecimal total;
    @OneToMany(mappedBy = "invoice", load = Load.SELECT_IN,
            cascade = {Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
    public List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
    }

    public Invoice(int number, BigDecimal total) {
        this.number = number;
        this.total = total;
    }

    @Override
    public String toString() {
        return "Invoice[" + number + "]";
    }
}
