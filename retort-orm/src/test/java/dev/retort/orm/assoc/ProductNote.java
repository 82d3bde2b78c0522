package dev.retort.orm.assoc;

import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

/** A note extending a product's row: its key is the product's key. */
@Entity
public class ProductNote {
    @Id @ManyToOne
    public Product product;
    public String text;

    protected ProductNote() {
    }

    public ProductNote(Product product, String text) {
        this.product = product;
        this.text = text;
    }
}
