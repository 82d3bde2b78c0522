package dev.retort.examples;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

/** Doubles players: two rows of one table that name each other as partner. */
// tag::mapping[]
@Entity
public class Player {
    @Id @Generated
    Long id;

    String name;

    @ManyToOne(postUpdate = true)          // written by an UPDATE after the INSERTs
    Player partner;
    // end::mapping[]

    protected Player() {
    }

    /**
     * @param name the player's name
     */
    public Player(String name) {
        this.name = name;
    }

    /** @return the partner, or {@code null} */
    public Player partner() {
        return partner;
    }

    /**
     * Pairs two players with each other.
     *
     * @param a one
     * @param b the other
     */
    public static void pair(Player a, Player b) {
        a.partner = b;
        b.partner = a;
    }

    @Override
    public String toString() {
        return name;
    }
    // tag::mapping[]
}
// end::mapping[]
