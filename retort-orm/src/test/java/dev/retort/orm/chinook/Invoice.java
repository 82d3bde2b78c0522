package dev.retort.orm.chinook;

import dev.retort.orm.Cascade;
import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.OneToMany;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** A customer's invoice; its lines cannot live without it. */
@Entity
public class Invoice {
    @Id
    public Integer invoiceId;
    @ManyToOne(optional = false)
    public Customer customer;
    @Column(nullable = false)
    public LocalDateTime invoiceDate;
    @Column(length = 70)
    public String billingAddress;
    @Column(length = 40)
    public String billingCity;
    @Column(length = 40)
    public String billingState;
    @Column(length = 40)
    public String billingCountry;
    @Column(length = 10)
    public String billingPostalCode;
    @Column(precision = 10, scale = 2, nullable = false)
    public BigDecimal total;
    @OneToMany(mappedBy = "invoice", cascade = {Cascade.SAVE_UPDATE, Cascade.DELETE, Cascade.DELETE_ORPHAN},
            orderBy = "invoiceLineId")
    public List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
    }

    @Override
    public String toString() {
        return "Invoice[" + invoiceId + "]";
    }
}
