package dev.retort.orm.model;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;

/** A row with a 300-character value, for streaming many of them through a small heap. */
@Entity(table = "wide_row")
public class WideRow {
    @Id
    public Long id;
    @Column(length = 300, nullable = false)
    public String pad;

    protected WideRow() {
    }
}
