package dev.retort.examples;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;

/** The one-to-one guide's contract: the owning side, whose table holds the key of its musician. */
// tag::mapping[]
@Entity
public class Contract {
    @Id @Generated
    Long id;
    String label;

    @OneToOne(optional = false)                  // column musician_id: FOREIGN KEY, NOT NULL, UNIQUE
    Musician musician;
    // end::mapping[]

    protected Contract() {
    }

    /** @param label the record label signing it */
    public Contract(String label) {
        this.label = label;
    }

    /** @return the label */
    public String label() {
        return label;
    }

    /** @return the musician */
    public Musician musician() {
        return musician;
    }

    /** @param musician the musician it moves to */
    public void musician(Musician musician) {
        this.musician = musician;
    }
// tag::mapping[]
}
// end::mapping[]
