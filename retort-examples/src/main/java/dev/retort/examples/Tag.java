package dev.retort.examples;

import dev.retort.orm.Column;
import dev.retort.orm.Creator;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;

/** A tag without a no-argument constructor: Retort calls the constructor marked {@code @Creator}. */
// tag::entity[]
@Entity
public class Tag {
    @Id @Generated
    Long id;

    @Column(length = 30, nullable = false, unique = true)
    String label;

    int uses;

    @Creator                               // the constructor Retort calls with each row's values
    Tag(Long id, String label, int uses) {
        if (label.isBlank()) {
            throw new IllegalArgumentException("a tag needs a label");
        }
        this.id = id;
        this.label = label;
        this.uses = uses;
    }

    public Tag(String label) {             // the constructor applications call
        this(null, label, 0);
    }
    // end::entity[]

    /** @return the id, {@code null} until flushed */
    public Long id() {
        return id;
    }

    /** @return the label */
    public String label() {
        return label;
    }

    /** @return how often it was used */
    public int uses() {
        return uses;
    }

    /** Counts one more use. */
    public void use() {
        uses++;
    }

    @Override
    public String toString() {
        return "Tag[" + label + " x" + uses + "]";
    }
    // tag::entity[]
}
// end::entity[]
