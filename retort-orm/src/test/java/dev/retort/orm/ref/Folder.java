package dev.retort.orm.ref;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.OneToMany;
import dev.retort.orm.Ref;

import java.util.ArrayList;
import java.util.List;

/** A tree within one table, its parent a Ref. */
@Entity
public class Folder {
    @Id @Generated
    public Long id;
    public String name;
    @ManyToOne
    public Ref<Folder> parent;
    @OneToMany(mappedBy = "parent")
    public List<Folder> children = new ArrayList<>();

    protected Folder() {
    }

    public Folder(String name, Folder parent) {
        this.name = name;
        this.parent = Ref.to(parent);
    }
}
