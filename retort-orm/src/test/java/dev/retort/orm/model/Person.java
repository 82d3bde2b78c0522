package dev.retort.orm.model;

import dev.retort.orm.Column;
import dev.retort.orm.Embedded;
import dev.retort.orm.Entity;
import dev.retort.orm.EnumMapping;
import dev.retort.orm.Enumerated;
import dev.retort.orm.Generated;
import dev.retort.orm.GenerationStrategy;
import dev.retort.orm.Id;
import dev.retort.orm.Transient;

import java.time.LocalDate;
import java.util.UUID;

/** UUID keys, an embedded value object, an ordinal enum, a transient field. */
@Entity(table = "people")
public class Person {
    /** A value object spread over three columns. */
    public record Address(String street, String city, @Column(name = "zip", length = 10) String postcode) { }

    /** Stored by ordinal. */
    public enum Level { JUNIOR, SENIOR, PRINCIPAL }

    @Id @Generated(strategy = GenerationStrategy.UUID)
    public UUID id;
    public String fullName;
    @Embedded
    public Address homeAddress;
    @Enumerated(EnumMapping.ORDINAL)
    public Level level;
    public LocalDate born;
    @Transient
    public String scratch;
    public transient int cache;

    protected Person() {
    }

    public Person(String fullName, Address homeAddress, Level level) {
        this.fullName = fullName;
        this.homeAddress = homeAddress;
        this.level = level;
    }
}
