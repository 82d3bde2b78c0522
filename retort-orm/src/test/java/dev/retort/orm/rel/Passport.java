package dev.retort.orm.rel;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;

/** The owning side of a one-to-one: column holder_id, UNIQUE, NOT NULL. */
@Entity
public class Passport {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String number;
    @OneToOne(optional = false)
    public Person holder;

    protected Passport() {
    }

    public Passport(String number) {
        this.number = number;
    }

    @Override
    public String toString() {
        return "Passport[" + number + "]";
    }
}
