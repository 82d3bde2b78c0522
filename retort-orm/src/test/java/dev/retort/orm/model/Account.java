package dev.retort.orm.model;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Version;

/** A versioned entity with private fields and accessors. */
@Entity
public class Account {
    @Id @Generated
    private Long id;
    private String owner;
    private long balance;
    @Version
    private Integer version;

    private Account() {
    }

    public Account(String owner, long balance) {
        this.owner = owner;
        this.balance = balance;
    }

    public Long getId() { return id; }
    public String getOwner() { return owner; }
    public long getBalance() { return balance; }
    public void setBalance(long balance) { this.balance = balance; }
    public Integer getVersion() { return version; }
}
