package dev.retort.orm.model;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.GenerationStrategy;
import dev.retort.orm.Id;

/** A key drawn from a sequence. */
@Entity
public class Ticket {
    @Id @Generated(strategy = GenerationStrategy.SEQUENCE, sequence = "ticket_numbers")
    public Long number;
    public String subject;

    protected Ticket() {
    }

    public Ticket(String subject) {
        this.subject = subject;
    }
}
