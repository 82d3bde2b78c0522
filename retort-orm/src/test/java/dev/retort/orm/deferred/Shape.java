package dev.retort.orm.deferred;

import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;

/** The root of a single-table hierarchy whose subclass defers a column. */
@Entity
@Inheritance(subclasses = Poster.class)
@DiscriminatorValue("shape")
public class Shape {
    @Id @Generated
    Long id;

    String label;

    protected Shape() {
    }

    public Shape(String label) {
        this.label = label;
    }
}
