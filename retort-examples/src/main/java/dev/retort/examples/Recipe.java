package dev.retort.examples;

import dev.retort.orm.Cascade;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.util.LinkedHashMap;
import java.util.Map;

/** A recipe whose ingredients are keyed by their name. */
// tag::mapping[]
@Entity
public class Recipe {
    @Id @Generated
    Long id;

    String title;

    @OneToMany(mappedBy = "recipe", mapKey = "name",            // keyed by Ingredient.name
            cascade = {Cascade.SAVE_UPDATE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
    Map<String, Ingredient> ingredients = new LinkedHashMap<>();
    // end::mapping[]

    protected Recipe() {
    }

    /**
     * @param title the recipe's title
     */
    public Recipe(String title) {
        this.title = title;
    }

    /** @return the ingredients by name */
    public Map<String, Ingredient> ingredients() {
        return ingredients;
    }

    /**
     * Adds an ingredient under its name.
     *
     * @param ingredient the ingredient
     */
    public void add(Ingredient ingredient) {
        ingredients.put(ingredient.name(), ingredient);
    }
    // tag::mapping[]
}
// end::mapping[]
