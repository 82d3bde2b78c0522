package dev.retort.orm.inherit;

import dev.retort.orm.Column;
import dev.retort.orm.DiscriminatorValue;
import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.Inheritance;
import dev.retort.orm.InheritanceStrategy;
import dev.retort.orm.MappingException;
import dev.retort.orm.mapping.EntityMapping;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each mistake in an entity hierarchy fails when the mapping is built, naming the class, the field and the fix. */
class InheritanceTestMappingErrors {

    @Entity
    static class PlainRoot {
        @Id long id;
    }

    @Entity
    static class SubOfPlainRoot extends PlainRoot {
        String extra;
    }

    @Test
    void aSubclassOfAnEntityWithoutInheritance() {
        assertThatThrownBy(() -> EntityMapping.of(SubOfPlainRoot.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(SubOfPlainRoot.class.getName())
                .hasMessageContaining("extends the entity " + PlainRoot.class.getName() + ", whose mapping declares no inheritance")
                .hasMessageContaining("annotate PlainRoot with @Inheritance(subclasses = SubOfPlainRoot.class)");
        assertThat(EntityMapping.of(PlainRoot.class).polymorphism()).as("the root alone still maps").isNull();
    }

    @Entity
    @Inheritance(subclasses = {SameValueA.class, SameValueB.class})
    static class SameValueRoot {
        @Id long id;
    }

    @Entity
    @DiscriminatorValue("x")
    static class SameValueA extends SameValueRoot {
    }

    @Entity
    @DiscriminatorValue("x")
    static class SameValueB extends SameValueRoot {
    }

    @Test
    void twoClassesWithTheSameDiscriminatorValue() {
        assertThatThrownBy(() -> EntityMapping.of(SameValueB.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(SameValueB.class.getName())
                .hasMessageContaining("has discriminator value \"x\", which " + SameValueA.class.getName() + " has too")
                .hasMessageContaining("give one of them another @DiscriminatorValue");
    }

    @Entity
    @Inheritance(subclasses = IdAgain.class)
    static class IdAgainRoot {
        @Id long id;
    }

    @Entity
    static class IdAgain extends IdAgainRoot {
        @Id long code;
    }

    @Test
    void anIdDeclaredAgainOnASubclass() {
        assertThatThrownBy(() -> EntityMapping.of(IdAgain.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(IdAgain.class.getName())
                .hasMessageContaining("field code is @Id")
                .hasMessageContaining("remove @Id (and the field) from IdAgain");
        assertThatThrownBy(() -> EntityMapping.of(IdAgainRoot.class)).as("the root's table cannot be built either")
                .isInstanceOf(MappingException.class).hasMessageContaining("field code is @Id");
    }

    @Entity
    @Inheritance(subclasses = ClashingSub.class)
    static class ClashRoot {
        @Id long id;
        String type;
    }

    @Entity
    static class ClashingSub extends ClashRoot {
    }

    @Entity
    @Inheritance(discriminator = "kind", subclasses = ClashInSub.class)
    static class ClashRoot2 {
        @Id long id;
    }

    @Entity
    static class ClashInSub extends ClashRoot2 {
        @Column(name = "kind") String sort;
    }

    @Test
    void aDiscriminatorColumnClashingWithAFieldsColumn() {
        assertThatThrownBy(() -> EntityMapping.of(ClashRoot.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(ClashRoot.class.getName())
                .hasMessageContaining("field type maps to column type, the discriminator column of the hierarchy of ClashRoot")
                .hasMessageContaining("@Inheritance(discriminator = ...)");
        assertThatThrownBy(() -> EntityMapping.of(ClashInSub.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(ClashInSub.class.getName())
                .hasMessageContaining("field sort maps to column kind, the discriminator column");
    }

    @Entity
    @Inheritance(subclasses = MixedSub.class)
    static class MixedRoot {
        @Id long id;
    }

    @Entity
    @Inheritance(strategy = InheritanceStrategy.JOINED)
    static class MixedSub extends MixedRoot {
    }

    @Test
    void mixingStrategiesInOneHierarchy() {
        assertThatThrownBy(() -> EntityMapping.of(MixedSub.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(MixedSub.class.getName())
                .hasMessageContaining("declares @Inheritance, but it extends the entity")
                .hasMessageContaining("remove @Inheritance from MixedSub");
    }

    @Entity
    @Inheritance(subclasses = Listed.class)
    static class ListingRoot {
        @Id long id;
    }

    @Entity
    static class Listed extends ListingRoot {
    }

    @Entity
    static class Unlisted extends ListingRoot {
    }

    @Test
    void aSubclassTheRootDoesNotList() {
        assertThatThrownBy(() -> EntityMapping.of(Unlisted.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(Unlisted.class.getName())
                .hasMessageContaining("add Unlisted.class to @Inheritance(subclasses = ...) on ListingRoot");
    }

    @Entity
    @Inheritance(subclasses = TwoColumnsA.class)
    static class SameColumnRoot {
        @Id long id;
    }

    @Entity
    static class TwoColumnsA extends SameColumnRoot {
        String level;
    }

    @Entity
    @Inheritance(subclasses = {LevelA.class, LevelB.class})
    static class LevelRoot {
        @Id long id;
    }

    @Entity
    static class LevelA extends LevelRoot {
        String level;
    }

    @Entity
    static class LevelB extends LevelRoot {
        Integer level;
    }

    @Test
    void twoSubclassesMappingOneColumn() {
        assertThatThrownBy(() -> EntityMapping.of(LevelB.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(LevelB.class.getName())
                .hasMessageContaining("field level maps to column level, which LevelA.level already uses in the shared table of LevelRoot")
                .hasMessageContaining("@Column(name = ...)");
    }

    @Entity
    @Inheritance(strategy = InheritanceStrategy.JOINED)
    static class JoinedRoot {
        @Id long id;
    }

    @Test
    void joinedIsNotImplementedYet() {
        assertThatThrownBy(() -> EntityMapping.of(JoinedRoot.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("(strategy = JOINED), which this version of Retort does not implement yet; use strategy = SINGLE_TABLE");
    }

    @Entity
    @Inheritance(subclasses = SealedA.class)
    static sealed class SealedRoot permits SealedA, SealedB {
        @Id long id;
    }

    @Entity
    static final class SealedA extends SealedRoot {
        String a;
    }

    @Entity
    static final class SealedB extends SealedRoot {
        String b;
    }

    @Test
    void aSealedRootsPermittedSubclassesAreTheHierarchy() {
        assertThat(EntityMapping.of(SealedB.class).polymorphism().hierarchy().classes())
                .containsExactly(SealedRoot.class, SealedA.class, SealedB.class);
        assertThat(EntityMapping.of(SealedRoot.class).table().columns()).extracting(c -> c.name())
                .containsExactly("id", "type", "a", "b");
    }
}
