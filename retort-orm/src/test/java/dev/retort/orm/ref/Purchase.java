package dev.retort.orm.ref;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Load;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.Ref;

/** A purchase: its shopper loads on access (a Ref, lazy by default), its referrer refuses to (RAISE). */
@Entity
public class Purchase {
    @Id @Generated
    public Long id;
    public String label;
    @ManyToOne
    public Ref<Shopper> shopper;
    @ManyToOne(load = Load.RAISE)
    public Ref<Shopper> referrer;

    protected Purchase() {
    }

    public Purchase(String label, Shopper shopper) {
        this.label = label;
        this.shopper = Ref.to(shopper);
    }

    public Ref<Shopper> shopper() {
        return shopper;
    }

    @Override
    public String toString() {
        return "Purchase[" + label + "]";
    }
}
