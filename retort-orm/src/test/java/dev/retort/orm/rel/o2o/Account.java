package dev.retort.orm.rel.o2o;

import dev.retort.orm.Column;
import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;
import dev.retort.orm.InheritanceStrategy;

/** The root of a JOINED hierarchy (Account &lt;- Premium). */
@Entity
@Inheritance(strategy = InheritanceStrategy.JOINED, subclasses = Premium.class)
@DiscriminatorValue("account")
public class Account {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String owner;

    protected Account() {
    }

    public Account(String owner) {
        this.owner = owner;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + owner + "]";
    }
}
