package dev.retort.orm.assoc;

import dev.retort.orm.Cascade;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** A shopping basket: its lines are association objects between it and products. */
@Entity
public class Basket {
    @Id @Generated
    public Long id;
    public String owner;
    @OneToMany(mappedBy = "basket", orderBy = "position",
            cascade = {Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.DELETE, Cascade.DELETE_ORPHAN, Cascade.REFRESH_EXPIRE})
    public List<BasketLine> lines = new ArrayList<>();

    protected Basket() {
    }

    public Basket(String owner) {
        this.owner = owner;
    }

    /** Adds a line for a product. */
    public BasketLine add(Product product, int quantity, int position) {
        BasketLine line = new BasketLine(this, product, quantity, position);
        lines.add(line);
        return line;
    }
}
