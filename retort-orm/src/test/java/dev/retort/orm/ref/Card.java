package dev.retort.orm.ref;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;
import dev.retort.orm.Ref;

/** A loyalty card: the owning side of a one-to-one, declared as a Ref. */
@Entity
public class Card {
    @Id @Generated
    public Long id;
    public String number;
    @OneToOne
    public Ref<Cardholder> holder;

    protected Card() {
    }

    public Card(String number, Cardholder holder) {
        this.number = number;
        this.holder = Ref.to(holder);
    }
}
