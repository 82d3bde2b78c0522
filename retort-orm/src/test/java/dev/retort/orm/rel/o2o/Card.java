package dev.retort.orm.rel.o2o;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;

/** The other side of Premium.card, a JOINED subclass's one-to-one. */
@Entity
public class Card {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String pan;
    @OneToOne(mappedBy = "card")
    public Premium premium;

    protected Card() {
    }

    public Card(String pan) {
        this.pan = pan;
    }

    @Override
    public String toString() {
        return "Card[" + pan + "]";
    }
}
