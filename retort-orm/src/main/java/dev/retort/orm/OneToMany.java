package dev.retort.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The collection of objects of another entity that refer to this one through their
 * {@link ManyToOne} field named by {@link #mappedBy()}. The field is a {@code List}, a
 * {@code Set}, or a {@code Map} keyed by a field of the elements ({@link #mapKey()}); Retort puts
 * its own collection there, which keeps the other side in step (adding an order to
 * {@code user.orders} sets {@code order.user}) and, when lazy, loads on first access.
 *
 * <pre>{@code
 * @OneToMany(mappedBy = "customer", cascade = {Cascade.SAVE_UPDATE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
 * List<Invoice> invoices = new ArrayList<>();
 *
 * @OneToMany(mappedBy = "shelf", mapKey = "slot")
 * Map<String, Jar> jars = new LinkedHashMap<>();          // jars.get("A1")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToMany {

    /** @return the name of the {@link ManyToOne} field of the element entity that refers back here */
    String mappedBy();

    /** @return how it is loaded by default */
    Load load() default Load.LAZY;

    /** @return what operations on this object do to the objects of the collection */
    Cascade[] cascade() default {Cascade.SAVE_UPDATE, Cascade.MERGE};

    /** @return the element field to order a loaded list by (ascending); empty for the key order */
    String orderBy() default "";

    /**
     * For a {@code Map} field: the element field whose value is each element's key (a plain
     * column field, of the map's key type). An element is filed under its key when it is put or
     * loaded; {@code put(key, element)} refuses a key other than the element's.
     *
     * @return the key field; empty for a {@code List} or {@code Set}
     */
    String mapKey() default "";

    /**
     * Whether the database's ON DELETE CASCADE removes the rows, so deleting the owner does not load
     * the collection to delete them one by one.
     *
     * @return whether deletes are passive
     */
    boolean passiveDeletes() default false;
}
