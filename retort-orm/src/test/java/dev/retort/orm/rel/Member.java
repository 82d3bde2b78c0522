package dev.retort.orm.rel;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

/**
 * Members of a club: each names a buddy (rows may name each other: a post-update reference) and
 * a sponsor (an ordinary self-reference, which orders the INSERTs).
 */
@Entity
public class Member {
    @Id @Generated
    public Long id;
    @Column(length = 30, nullable = false)
    public String name;
    @ManyToOne(postUpdate = true)
    public Member buddy;
    @ManyToOne
    public Member sponsor;

    protected Member() {
    }

    public Member(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
