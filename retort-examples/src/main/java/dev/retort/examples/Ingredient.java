package dev.retort.examples;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;

/** An ingredient of a {@link Recipe}, with its amount. */
@Entity
public class Ingredient {
    @Id @Generated
    Long id;

    String name;

    String amount;

    @ManyToOne(optional = false)
    Recipe recipe;

    protected Ingredient() {
    }

    /**
     * @param name the ingredient
     * @param amount how much
     */
    public Ingredient(String name, String amount) {
        this.name = name;
        this.amount = amount;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the amount */
    public String amount() {
        return amount;
    }
}
