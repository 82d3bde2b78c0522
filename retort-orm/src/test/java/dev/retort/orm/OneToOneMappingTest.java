package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.Relationship;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mapping of one-to-ones, and each mistake in it failing at start-up with the class, the field and the fix. */
class OneToOneMappingTest {

    @Entity
    static class Car {
        @Id long id;
        @OneToOne(mappedBy = "car") Engine engine;
    }

    @Entity
    static class Engine {
        @Id long id;
        @OneToOne(column = "fitted_in", optional = false, onDelete = ReferentialAction.CASCADE) Car car;
    }

    @Entity
    static class Node {
        @Id long id;
        @OneToOne Node next;
        @OneToOne(mappedBy = "next") Node previous;
    }

    @Test
    void theOwningSideIsAUniqueForeignKeyAndTheOtherSideHasNoColumn() {
        Registry.of(Car.class, Engine.class);
        Table engines = EntityMapping.of(Engine.class).table();
        assertThat(engines.column("fitted_in").isNullable()).isFalse();
        assertThat(engines.uniqueConstraints()).singleElement()
                .satisfies(u -> assertThat(u.columns()).extracting(c -> c.name()).containsExactly("fitted_in"));
        assertThat(engines.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.onDelete()).isEqualTo(ReferentialAction.CASCADE);
            assertThat(fk.referredTableName()).isEqualTo("car");
        });
        assertThat(EntityMapping.of(Car.class).table().columns()).extracting(c -> c.name()).containsExactly("id");
        Relationship owning = EntityMapping.of(Engine.class).relationship("car");
        Relationship other = EntityMapping.of(Car.class).relationship("engine");
        assertThat(owning.kind()).isEqualTo(Relationship.Kind.ONE_TO_ONE);
        assertThat(owning.isReference()).isTrue();
        assertThat(owning.isOwningSide()).isTrue();
        assertThat(other.isInverseOneToOne()).isTrue();
        assertThat(other.isReference()).isFalse();
        assertThat(other.isSingle()).isTrue();
        assertThat(owning.inverse()).isSameAs(other);
        assertThat(other.inverse()).isSameAs(owning);
    }

    @Test
    void aOneToOneOfAnEntityWithItselfIsAUniqueSelfReference() {
        Table nodes = EntityMapping.of(Node.class).table();
        assertThat(nodes.columns()).extracting(c -> c.name()).containsExactly("id", "next_id");
        assertThat(nodes.uniqueConstraints()).singleElement()
                .satisfies(u -> assertThat(u.columns()).extracting(c -> c.name()).containsExactly("next_id"));
        assertThat(nodes.foreignKeys()).singleElement().satisfies(fk -> assertThat(fk.referredTableName()).isEqualTo("node"));
        assertThat(EntityMapping.of(Node.class).relationship("previous").inverse())
                .isSameAs(EntityMapping.of(Node.class).relationship("next"));
    }

    @Entity
    static class MissingField {
        @Id long id;
        @OneToOne(mappedBy = "owner") Engine engine;
    }

    @Test
    void mappedByNamesAFieldOfTheOtherEntity() {
        assertThatThrownBy(() -> Registry.of(MissingField.class, Engine.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("MissingField")
                .hasMessageContaining("field engine is @OneToOne(mappedBy = \"owner\"), but Engine has no field owner")
                .hasMessageContaining("name the @OneToOne field of Engine (without mappedBy) whose type is MissingField")
                .hasMessageContaining("[car]");
    }

    @Entity
    static class WrongBack {
        @Id long id;
        @OneToOne(mappedBy = "car") Engine engine;
    }

    @Entity
    static class Plain {
        @Id long id;
        @ManyToOne Car car;
    }

    @Entity
    static class ManyBack {
        @Id long id;
        @OneToOne(mappedBy = "car") Plain plain;
    }

    @Entity
    static class Mirror {
        @Id long id;
        @OneToOne(mappedBy = "engine") Car car;
    }

    @Test
    void mappedByNamesAnOwningOneToOneBackToThisEntity() {
        assertThatThrownBy(() -> Registry.of(WrongBack.class, Engine.class, Car.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("WrongBack").hasMessageContaining("its field car is not an owning @OneToOne of WrongBack");
        assertThatThrownBy(() -> Registry.of(ManyBack.class, Plain.class, Car.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("ManyBack").hasMessageContaining("field plain is @OneToOne(mappedBy = \"car\")")
                .hasMessageContaining("its field car is not an owning @OneToOne of ManyBack");
        assertThatThrownBy(() -> Registry.of(Mirror.class, Car.class, Engine.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Mirror").hasMessageContaining("its field engine is mappedBy too (one side must own the foreign key)");
    }

    @Entity
    static class Hub {
        @Id long id;
        @OneToMany(mappedBy = "hub") java.util.List<Spoke> spokes;
    }

    @Entity
    static class Spoke {
        @Id long id;
        @OneToOne Hub hub;
    }

    @Test
    void aOneToManyIsNotMappedByAOneToOne() {
        assertThatThrownBy(() -> Registry.of(Hub.class, Spoke.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Hub").hasMessageContaining("field spokes is @OneToMany(mappedBy = \"hub\"), but "
                        + "Spoke has no @ManyToOne field hub of type Hub");
    }

    @Entity
    static class Collection {
        @Id long id;
        @OneToOne java.util.List<Car> cars;
    }

    @Entity
    static class NotEntity {
        @Id long id;
        @OneToOne(mappedBy = "x") String name;
    }

    @Entity
    static class Lazy {
        @Id long id;
        @OneToOne(load = Load.LAZY) Car car;
    }

    @Entity
    static class ColumnOnOtherSide {
        @Id long id;
        @OneToOne(mappedBy = "car", column = "engine_id") Engine engine;
    }

    @Test
    void aOneToOneHoldsOneEntityLoadedEagerlyOrNot() {
        assertThatThrownBy(() -> EntityMapping.of(Collection.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Collection").hasMessageContaining("@OneToOne field cars is a List")
                .hasMessageContaining("map a collection with @OneToMany");
        assertThatThrownBy(() -> EntityMapping.of(NotEntity.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("@OneToOne field name is a java.lang.String, which is not an @Entity");
        assertThatThrownBy(() -> EntityMapping.of(Lazy.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("@OneToOne field car cannot be loaded LAZY").hasMessageContaining("SELECT_IN, JOINED or NO_LOAD");
        assertThatThrownBy(() -> EntityMapping.of(ColumnOnOtherSide.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("@OneToOne field engine is mappedBy \"car\" and sets column, optional or onDelete")
                .hasMessageContaining("set them there");
    }

    @Entity
    static class Husband {
        @Id long id;
        @OneToOne Wife wife;
    }

    @Entity
    static class Wife {
        @Id long id;
        @OneToOne Husband husband;
    }

    @Test
    void twoOwningSidesPointingAtEachOtherAreRefused() {
        assertThatThrownBy(() -> EntityMapping.of(Husband.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("@OneToOne field wife and Wife.husband both own a one-to-one between Husband and Wife")
                .hasMessageContaining("map the other with @OneToOne(mappedBy = \"wife\") on Wife.husband");
    }
}
