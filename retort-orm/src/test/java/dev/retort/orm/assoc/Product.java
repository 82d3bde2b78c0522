package dev.retort.orm.assoc;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A product, in the lines of many baskets. */
@Entity
public class Product {
    @Id @Generated
    public Long id;
    @Column(nullable = false, unique = true, length = 40)
    public String name;
    @Column(precision = 10, scale = 2)
    public BigDecimal price;
    @OneToMany(mappedBy = "product")
    public List<BasketLine> lines = new ArrayList<>();

    protected Product() {
    }

    public Product(String name, String price) {
        this.name = name;
        this.price = new BigDecimal(price);
    }
}
