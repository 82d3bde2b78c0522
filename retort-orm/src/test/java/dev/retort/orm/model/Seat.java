package dev.retort.orm.model;

import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.Unique;

/** Seats whose codes may swap: a unique constraint checked at COMMIT (PostgreSQL). */
@Entity
@Unique(name = "uq_seat_code", fields = "code", deferrable = true)
public class Seat {
    @Id
    public long id;
    public String code;

    protected Seat() {
    }

    public Seat(long id, String code) {
        this.id = id;
        this.code = code;
    }
}
