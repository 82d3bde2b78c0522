package dev.retort.orm.ctor;

import dev.retort.orm.Column;
import dev.retort.orm.Creator;
import dev.retort.orm.Embedded;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.Transient;

import java.util.Objects;

/**
 * An entity without a no-argument constructor: two constructors, the one marked {@link Creator}
 * taking every mapped field (an embedded value, an enum, a reference), validating and normalising.
 */
@Entity
public class Parcel {
    /** Where it goes: two columns. */
    public record Address(String city, @Column(length = 10) String zip) { }

    /** Stored by name. */
    public enum Status { PACKED, SHIPPED }

    @Id @Generated
    Long id;
    @Column(length = 20, nullable = false)
    String code;
    int grams;
    @Embedded
    Address destination;
    Status status;
    @ManyToOne
    Sender sender;
    @Transient
    String label;

    /** The constructor applications call. */
    public Parcel(String code, int grams, Address destination, Sender sender) {
        this(null, code, grams, destination, Status.PACKED, sender);
    }

    @Creator
    Parcel(Long id, String code, int grams, Address destination, Status status, Sender sender) {
        if (grams < 0) {
            throw new IllegalArgumentException("a parcel weighs at least 0 g, not " + grams);
        }
        this.id = id;
        this.code = Objects.requireNonNull(code, "code").strip();
        this.grams = grams;
        this.destination = destination;
        this.status = status;
        this.sender = sender;
        this.label = code + "/" + grams;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public int grams() {
        return grams;
    }

    public Address destination() {
        return destination;
    }

    public Status status() {
        return status;
    }

    public Sender sender() {
        return sender;
    }

    public String label() {
        return label;
    }

    public void ship() {
        status = Status.SHIPPED;
    }
}
