package dev.retort.orm.inherit;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

/** Led by a manager (a many-to-one to a subclass of the hierarchy). */
@Entity
public class Project {
    @Id @Generated
    Long id;

    String title;

    @ManyToOne
    Manager lead;

    protected Project() {
    }

    public Project(String title, Manager lead) {
        this.title = title;
        this.lead = lead;
    }
}
