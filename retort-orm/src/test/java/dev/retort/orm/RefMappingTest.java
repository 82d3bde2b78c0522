package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.ReflectiveAccessor;
import dev.retort.orm.mapping.Relationship;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mapping {@link Ref} fields: the relationship, its column and its default load; the metamodel
 * the processor writes for them; and the mistakes refused at start-up (and at compile time).
 */
class RefMappingTest {

    private static final String CUSTOMER = """
            package shop;

            import dev.retort.orm.*;

            @Entity
            public class Customer {
                @Id @Generated Long id;
                String name;
                protected Customer() { }
            }
            """;

    private static final String ORDER = """
            package shop;

            import dev.retort.orm.*;

            @Entity(table = "orders")
            public class Order {
                @Id @Generated Long id;
                @ManyToOne Ref<Customer> customer;
                @ManyToOne(load = Load.SELECT_IN, column = "payer") Ref<Customer> payer;
                protected Order() { }
            }
            """;

    private static Class<?> entity(String name, String source) {
        JavaSources compiled = JavaSources.compile(false, Map.of("shop.Customer", CUSTOMER, "shop." + name, source));
        assertThat(compiled.errors()).isEmpty();
        return compiled.load("shop." + name);
    }

    private static String broken(String field) {
        return """
                package shop;

                import dev.retort.orm.*;

                @Entity
                public class Broken {
                    @Id @Generated Long id;
                    %s
                    protected Broken() { }
                }
                """.formatted(field);
    }

    @Test
    void aRefFieldIsAReferenceToItsTypeArgumentLazyByDefault() {
        for (boolean processor : new boolean[] {false, true}) {
            JavaSources compiled = JavaSources.compile(processor, Map.of("shop.Customer", CUSTOMER, "shop.Order", ORDER));
            assertThat(compiled.errors()).isEmpty();
            EntityMapping<?> m = EntityMapping.of(compiled.load("shop.Order"));
            assertThat(m.usesGeneratedAccessor()).isEqualTo(processor);
            assertThat(m.fieldAccessor() instanceof ReflectiveAccessor<?>).isEqualTo(!processor);
            Relationship customer = m.relationship("customer");
            assertThat(customer.isRef()).isTrue();
            assertThat(customer.isReference()).isTrue();
            assertThat(customer.targetType().getName()).isEqualTo("shop.Customer");
            assertThat(customer.load()).isEqualTo(Load.LAZY);
            assertThat(m.relationship("payer").load()).isEqualTo(Load.SELECT_IN);
            assertThat(m.table().columnNames()).containsExactly("id", "customer_id", "payer");
        }
    }

    @Test
    void theMetamodelOfARefFieldIsARelationToTheTargetAndItsForeignKeyColumn() {
        JavaSources compiled = JavaSources.compile(true, Map.of("shop.Customer", CUSTOMER, "shop.Order", ORDER, "shop.Queries", """
                package shop;

                import dev.retort.orm.mapping.Relation;
                import dev.retort.schema.Column;

                import static dev.retort.orm.LoadOption.*;
                import static dev.retort.orm.OrmStatements.select;

                class Queries {
                    static final Relation<Order, Customer> CUSTOMER = Order_.CUSTOMER;
                    static final Column<Long> CUSTOMER_ID = Order_.CUSTOMER_ID;

                    static Object all() {
                        return select(Order.class).where(Order_.CUSTOMER_ID.eq(5L))
                                .options(selectInLoad(Order_.CUSTOMER), raiseLoad(Order_.PAYER));
                    }
                }
                """));
        assertThat(compiled.errors()).isEmpty();
        assertThat(compiled.success).isTrue();
        Class<?> order = compiled.load("shop.Order");
        EntityMapping<?> m = EntityMapping.of(order);
        assertThat(m.usesGeneratedAccessor()).isTrue();
        assertThat(m.relationship("customer").isRef()).isTrue();
    }

    @Test
    void theGeneratedAccessorAndReflectionBothHandTheRefItself() throws Exception {
        for (boolean processor : new boolean[] {false, true}) {
            JavaSources compiled = JavaSources.compile(processor, Map.of("shop.Customer", CUSTOMER, "shop.Order", ORDER));
            @SuppressWarnings("unchecked")
            EntityMapping<Object> m = (EntityMapping<Object>) EntityMapping.of(compiled.load("shop.Order"));
            @SuppressWarnings("unchecked")
            EntityMapping<Object> c = (EntityMapping<Object>) EntityMapping.of(compiled.load("shop.Customer"));
            Object customer = c.instantiate(new Object[] {7L, "ada"});
            Object order = m.instantiate(new Object[] {1L, null, null});
            int field = m.relationship("customer").field();
            m.accessor().set(order, field, customer);               // the session's view: fills the field's Ref
            Object ref = m.fieldAccessor().get(order, field);
            assertThat(ref).isInstanceOf(Ref.class);
            assertThat(((Ref<?>) ref).get()).isSameAs(customer);
            assertThat(m.accessor().get(order, field)).isSameAs(customer);
            assertThat(m.read(order)).containsExactly(1L, 7L, null);
            m.fieldAccessor().set(order, field, Ref.toId(9L));        // known by its key alone
            assertThat(m.accessor().get(order, field)).isNull();
            assertThat(m.read(order)).containsExactly(1L, 9L, null);
        }
    }

    @Test
    void aRefMadeByTheApplicationKnowsItsKeyAndLoadsOnlyThroughASession() {
        Ref<Object> byKey = Ref.toId(5L);
        assertThat(byKey.isLoaded()).isFalse();
        assertThat(byKey.id()).isEqualTo(5L);
        assertThat(byKey).hasToString("Ref[#5, not loaded]");
        assertThatThrownBy(byKey::get).isInstanceOf(UnloadedRelationshipException.class)
                .hasMessageContaining("made with Ref.toId").hasMessageContaining("session.add");
        Ref<Object> none = Ref.toId(null);
        assertThat(none.isLoaded()).isTrue();
        assertThat(none.get()).isNull();
        Ref<String> to = Ref.to("x");
        assertThat(to.isLoaded()).isTrue();
        assertThat(to.get()).isEqualTo("x");
        to.set(null);
        assertThat(to.get()).isNull();
        assertThat(to.id()).isNull();
    }

    @Test
    void aRefToANonEntityIsRefused() {
        assertThatThrownBy(() -> EntityMapping.of(entity("Broken", broken("@ManyToOne Ref<String> owner;"))))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("shop.Broken").hasMessageContaining("owner")
                .hasMessageContaining("Ref<java.lang.String>, which is not an @Entity");
    }

    @Test
    void aRawRefIsRefused() {
        assertThatThrownBy(() -> EntityMapping.of(entity("Broken", broken("@SuppressWarnings(\"rawtypes\") @ManyToOne Ref owner;"))))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("owner").hasMessageContaining("raw Ref").hasMessageContaining("Ref<Customer>");
        JavaSources compiled = JavaSources.compile(true, Map.of("shop.Customer", CUSTOMER, "shop.Broken",
                broken("@SuppressWarnings(\"rawtypes\") @ManyToOne Ref owner;")));
        assertThat(compiled.success).isFalse();
        assertThat(compiled.errors()).singleElement().asString().contains("owner").contains("raw Ref");
    }

    @Test
    void aRefOfAWildcardIsRefused() {
        assertThatThrownBy(() -> EntityMapping.of(entity("Broken", broken("@ManyToOne Ref<? extends Customer> owner;"))))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("owner").hasMessageContaining("Ref<? extends shop.Customer>");
        JavaSources compiled = JavaSources.compile(true, Map.of("shop.Customer", CUSTOMER, "shop.Broken",
                broken("@ManyToOne Ref<? extends Customer> owner;")));
        assertThat(compiled.success).isFalse();
        assertThat(compiled.errors()).singleElement().asString().contains("owner").contains("Ref<Customer>");
    }

    @Test
    void aRefInAnEmbeddedValueIsRefused() {
        String place = """
                package shop;

                import dev.retort.orm.*;

                public record Place(String city, @ManyToOne Ref<Customer> owner) {
                }
                """;
        JavaSources compiled = JavaSources.compile(false, Map.of("shop.Customer", CUSTOMER, "shop.Place", place,
                "shop.Broken", broken("@Embedded Place place;")));
        assertThat(compiled.errors()).isEmpty();
        assertThatThrownBy(() -> EntityMapping.of(compiled.load("shop.Broken")))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("component owner of field place is a Ref")
                .hasMessageContaining("declare the reference in Broken itself");
    }

    @Test
    void aFinalRefFieldIsRefused() {
        assertThatThrownBy(() -> EntityMapping.of(entity("Broken", broken("@ManyToOne final Ref<Customer> owner = Ref.to(null);"))))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("owner").hasMessageContaining("final");
    }

    @Test
    void aRefWithoutAReferenceAnnotationIsRefused() {
        assertThatThrownBy(() -> EntityMapping.of(entity("Broken", broken("Ref<Customer> owner;"))))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("owner is a Ref but not a reference").hasMessageContaining("@ManyToOne");
    }

    @Test
    void theMappedBySideOfAOneToOneCannotBeARef() {
        JavaSources compiled = JavaSources.compile(false, Map.of("shop.Customer", CUSTOMER, "shop.Card", """
                package shop;

                import dev.retort.orm.*;

                @Entity
                public class Card {
                    @Id @Generated Long id;
                    @OneToOne Ref<Owner> owner;
                    protected Card() { }
                }
                """, "shop.Owner", """
                package shop;

                import dev.retort.orm.*;

                @Entity
                public class Owner {
                    @Id @Generated Long id;
                    @OneToOne(mappedBy = "owner") Ref<Card> card;
                    protected Owner() { }
                }
                """));
        assertThat(compiled.errors()).isEmpty();
        assertThatThrownBy(() -> EntityMapping.of(compiled.load("shop.Owner")))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("card is mappedBy \"owner\" and a Ref")
                .hasMessageContaining("only the side that holds the foreign key can be a Ref");
    }

    @Test
    void lazyAndRaiseOptionsAreRefusedForPlainReferencesOnly() {
        JavaSources compiled = JavaSources.compile(false, Map.of("shop.Customer", CUSTOMER, "shop.Order", ORDER, "shop.Plain", """
                package shop;

                import dev.retort.orm.*;

                @Entity
                public class Plain {
                    @Id @Generated Long id;
                    @ManyToOne Customer customer;
                    protected Plain() { }
                }
                """));
        EntityMapping<?> order = EntityMapping.of(compiled.load("shop.Order"));
        assertThat(LoadOption.lazyLoad(order.relation("customer")).load()).isEqualTo(Load.LAZY);
        assertThat(LoadOption.raiseLoad(order.relation("customer")).load()).isEqualTo(Load.RAISE);
        EntityMapping<?> plain = EntityMapping.of(compiled.load("shop.Plain"));
        assertThat(plain.relationship("customer").load()).isEqualTo(Load.SELECT_IN);
        assertThatThrownBy(() -> LoadOption.lazyLoad(plain.relation("customer")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declare the field as a Ref<Customer>");
    }
}
