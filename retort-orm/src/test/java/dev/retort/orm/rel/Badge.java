package dev.retort.orm.rel;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;

/** A one-to-one whose other side is not mapped: only the UNIQUE foreign key (holder_id) keeps it one-to-one. */
@Entity
public class Badge {
    @Id @Generated
    public Long id;
    @Column(length = 20, nullable = false)
    public String code;
    @OneToOne(column = "holder_id")
    public Clerk holder;

    protected Badge() {
    }

    public Badge(String code, Clerk holder) {
        this.code = code;
        this.holder = holder;
    }
}
