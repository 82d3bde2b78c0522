package dev.retort.orm.rel.o2o;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.OneToOne;

/** A JOINED subclass holding the owning side of a one-to-one in its own table (premium.card_id). */
@Entity
@DiscriminatorValue("premium")
public class Premium extends Account {
    @OneToOne
    public Card card;

    protected Premium() {
    }

    public Premium(String owner) {
        super(owner);
    }
}
