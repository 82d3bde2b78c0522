package dev.retort.orm.rel;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

/** A line of an invoice. */
@Entity
public class InvoiceLine {
    @Id @Generated
    public Long id;
    @ManyToOne(optional = false)
    public Invoice invoice;
    public String product;
    public int quantity;

    protected InvoiceLine() {
    }

    public InvoiceLine(String product, int quantity) {
        this.product = product;
        this.quantity = quantity;
    }
}
