package dev.retort.orm.ref;

import dev.retort.orm.Cascade;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.Ref;
import dev.retort.orm.Version;

/** A versioned ticket whose holder is a Ref that cascades merge and refresh/expire. */
@Entity
public class Ticket {
    @Id @Generated
    public Long id;
    public String seat;
    @Version
    public Integer version;
    @ManyToOne(cascade = {Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.REFRESH_EXPIRE})
    public Ref<Shopper> holder;

    protected Ticket() {
    }

    public Ticket(String seat, Shopper holder) {
        this.seat = seat;
        this.holder = Ref.to(holder);
    }
}
