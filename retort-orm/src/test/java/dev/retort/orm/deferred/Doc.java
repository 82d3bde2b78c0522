package dev.retort.orm.deferred;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;
import dev.retort.orm.InheritanceStrategy;

/** The root of a JOINED hierarchy whose subclass table has a deferred column. */
@Entity
@Inheritance(strategy = InheritanceStrategy.JOINED, subclasses = Report.class)
@DiscriminatorValue("doc")
public class Doc {
    @Id @Generated
    Long id;

    String title;

    protected Doc() {
    }

    public Doc(String title) {
        this.title = title;
    }
}
