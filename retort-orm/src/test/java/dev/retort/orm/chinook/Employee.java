package dev.retort.orm.chinook;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.OneToMany;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** A member of staff: reports to another employee (column {@code ReportsTo}), and supports customers. */
@Entity
public class Employee {
    @Id
    public Integer employeeId;
    @Column(length = 20, nullable = false)
    public String lastName;
    @Column(length = 20, nullable = false)
    public String firstName;
    @Column(length = 30)
    public String title;
    @ManyToOne(column = "ReportsTo")
    public Employee reportsTo;
    @OneToMany(mappedBy = "reportsTo", orderBy = "employeeId")
    public List<Employee> reports = new ArrayList<>();
    public LocalDateTime birthDate;
    public LocalDateTime hireDate;
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
    @Column(length = 60)
    public String email;
    @OneToMany(mappedBy = "supportRep", orderBy = "customerId")
    public List<Customer> customers = new ArrayList<>();

    protected Employee() {
    }

    @Override
    public String toString() {
        return firstName + " " + lastName;
    }
}
