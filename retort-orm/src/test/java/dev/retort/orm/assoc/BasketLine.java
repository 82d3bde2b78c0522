package dev.retort.orm.assoc;

import dev.retort.orm.Cascade;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.IdClass;
import dev.retort.orm.ManyToOne;

/**
 * The association object between a basket and a product: its key is the two references, and it
 * has columns of its own.
 */
@Entity
@IdClass(BasketLine.Key.class)
public class BasketLine {
    /** The key: the basket's id and the product's id. */
    public record Key(Long basket, Long product) {
    }

    @Id @ManyToOne(cascade = {Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.REFRESH_EXPIRE})   // a cycle with Basket.lines
    public Basket basket;
    @Id @ManyToOne
    public Product product;
    public int quantity;
    public int position;

    protected BasketLine() {
    }

    public BasketLine(Basket basket, Product product, int quantity, int position) {
        this.basket = basket;
        this.product = product;
        this.quantity = quantity;
        this.position = position;
    }
}
