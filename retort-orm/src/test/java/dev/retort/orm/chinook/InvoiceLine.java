package dev.retort.orm.chinook;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

import java.math.BigDecimal;

/** One track bought on an invoice. */
@Entity
public class InvoiceLine {
    @Id
    public Integer invoiceLineId;
    @ManyToOne(optional = false)
    public Invoice invoice;
    @ManyToOne(optional = false)
    public Track track;
    @Column(precision = 10, scale = 2, nullable = false)
    public BigDecimal unitPrice;
    public int quantity;

    protected InvoiceLine() {
    }

    @Override
    public String toString() {
        return "InvoiceLine[" + invoiceLineId + "]";
    }
}
