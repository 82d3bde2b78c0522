package dev.retort.examples;

import dev.retort.orm.Cascade;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToOne;

/** The one-to-one guide's musician: at most one contract, which cannot live without it. */
// tag::mapping[]
@Entity
public class Musician {
    @Id @Generated
    Long id;
    String name;

    @OneToOne(mappedBy = "musician",             // no column: contract.musician_id points here
              cascade = {Cascade.SAVE_UPDATE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
    Contract contract;
    // end::mapping[]

    protected Musician() {
    }

    /** @param name the musician's name */
    public Musician(String name) {
        this.name = name;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the contract, or {@code null} */
    public Contract contract() {
        return contract;
    }

    /** @param contract the new contract, or {@code null}; the old one is deleted at the next flush */
    public void contract(Contract contract) {
        this.contract = contract;
    }
// tag::mapping[]
}
// end::mapping[]
