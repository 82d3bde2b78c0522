package dev.retort.orm.model;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;

/** A read-only entity over a reference table. */
@Entity(table = "currencies", readOnly = true)
public class Currency {
    @Id @Column(length = 3)
    public String code;
    public String name;

    protected Currency() {
    }

    public Currency(String code, String name) {
        this.code = code;
        this.name = name;
    }
}
