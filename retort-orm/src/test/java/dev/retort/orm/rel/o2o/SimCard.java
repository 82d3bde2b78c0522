package dev.retort.orm.rel.o2o;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;

/** The other side of Phone.sim, a subclass's one-to-one. */
@Entity
public class SimCard {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String number;
    @OneToOne(mappedBy = "sim")
    public Phone phone;

    protected SimCard() {
    }

    public SimCard(String number) {
        this.number = number;
    }

    @Override
    public String toString() {
        return "SimCard[" + number + "]";
    }
}
