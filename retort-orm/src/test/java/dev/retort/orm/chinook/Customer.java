package dev.retort.orm.chinook;

import dev.retort.orm.Cascade;
import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** A customer of the store, looked after by a support representative, with invoices. */
@Entity
public class Customer {
    @Id
    public Integer customerId;
    @Column(length = 40, nullable = false)
    public String firstName;
    @Column(length = 20, nullable = false)
    public String lastName;
    @Column(length = 80)
    public String company;
    @Column(length = 70)
    public String address;
    @Column(length = 40)
    public String city;
    @Column(length = 40)
    public String state;
    @Column(length = 40)
    public String country;
    @Column(length = 10)
    public String postalCode;
    @Column(length = 24)
    public String phone;
    @Column(length = 24)
    public String fax;
    @Column(length = 60, nullable = false)
    public String email;
    @ManyToOne
    public Employee supportRep;
    @OneToMany(mappedBy = "customer", cascade = {Cascade.SAVE_UPDATE, Cascade.DELETE, Cascade.DELETE_ORPHAN}, orderBy = "invoiceId")
    public List<Invoice> invoices = new ArrayList<>();

    protected Customer() {
    }

    @Override
    public String toString() {
        return firstName + " " + lastName;
    }
}
