package dev.retort.orm.deferred;

import dev.retort.orm.Deferred;
import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;

/** A document whose body, in its own table, is deferred. */
@Entity
@DiscriminatorValue("report")
public class Report extends Doc {
    int pages;

    @Deferred
    String body;

    protected Report() {
    }

    public Report(String title, int pages, String body) {
        super(title);
        this.pages = pages;
        this.body = body;
    }
}
