package dev.retort.orm.ref;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;

/** The other side of {@link Card#holder}: a plain field, loaded select-in. */
@Entity
public class Cardholder {
    @Id @Generated
    public Long id;
    public String name;
    @OneToOne(mappedBy = "holder")
    public Card card;

    protected Cardholder() {
    }

    public Cardholder(String name) {
        this.name = name;
    }
}
