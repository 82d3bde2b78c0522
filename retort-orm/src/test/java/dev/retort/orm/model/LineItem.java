package dev.retort.orm.model;

import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.IdClass;

/** A composite key. */
@Entity
@IdClass(LineItem.Key.class)
public class LineItem {
    /** The key: the order and the line number. */
    public record Key(long orderId, int line) { }

    @Id
    public long orderId;
    @Id
    public int line;
    public String product;
    public int quantity;

    protected LineItem() {
    }

    public LineItem(long orderId, int line, String product, int quantity) {
        this.orderId = orderId;
        this.line = line;
        this.product = product;
        this.quantity = quantity;
    }
}
