package dev.retort.orm.ref;

import dev.retort.orm.Cascade;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.Ref;

/** A gift whose wrapping goes with it: a Ref that cascades deletes. */
@Entity
public class Gift {
    @Id @Generated
    public Long id;
    public String name;
    @ManyToOne(cascade = {Cascade.SAVE_UPDATE, Cascade.DELETE})
    public Ref<Wrapping> wrapping;

    protected Gift() {
    }

    public Gift(String name, Wrapping wrapping) {
        this.name = name;
        this.wrapping = Ref.to(wrapping);
    }
}
