package dev.retort.bench;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;

/** The three-column row every scenario reads and writes. */
@Entity(table = "bench_row")
public class BenchRow {
    @Id @Generated
    Long id;
    @Column(length = 40, nullable = false)
    String name;
    long amount;

    BenchRow() {
    }

    BenchRow(String name, long amount) {
        this.name = name;
        this.amount = amount;
    }

    /** The plain object raw JDBC reads rows into. */
    record Plain(long id, String name, long amount) {
    }
}
