package dev.retort.orm.ref;

import dev.retort.orm.Cascade;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToMany;

import java.util.ArrayList;
import java.util.List;

/** A board of wrapping papers: a many-to-many that cascades refresh/expire. */
@Entity
public class Board {
    @Id @Generated
    public Long id;
    public String name;
    @ManyToMany(table = "board_paper", cascade = {Cascade.SAVE_UPDATE, Cascade.REFRESH_EXPIRE})
    public List<Wrapping> papers = new ArrayList<>();

    protected Board() {
    }

    public Board(String name) {
        this.name = name;
    }
}
