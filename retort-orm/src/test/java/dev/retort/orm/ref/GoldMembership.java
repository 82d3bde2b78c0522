package dev.retort.orm.ref;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.Ref;

/** A membership with a sponsor, declared as a Ref in the subclass. */
@Entity
@DiscriminatorValue("gold")
public class GoldMembership extends Membership {
    @ManyToOne
    public Ref<Shopper> sponsor;

    protected GoldMembership() {
    }

    public GoldMembership(String code, Shopper sponsor) {
        super(code);
        this.sponsor = Ref.to(sponsor);
    }
}
