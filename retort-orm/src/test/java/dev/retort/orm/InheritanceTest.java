package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Entity hierarchies without a database: each mistake fails when the mapping is built, naming the class,
 * the field and the fix; the metamodel of a subclass holds typed constants for inherited columns. The
 * database tests are {@code inherit.InheritanceTest} (single table) and {@code joined.InheritanceTest}.
 */
class InheritanceTest {

    /** Hierarchies the processor refuses at compile time (so compiled here without it), refused by the mapping too. */
    static final JavaSources REFUSED_BY_PROCESSOR = JavaSources.compile(false, Map.of(
            "inh.PlainRoot", """
                    package inh;
                    @dev.retort.orm.Entity
                    public class PlainRoot { @dev.retort.orm.Id long id; }
                    @dev.retort.orm.Entity
                    class SubOfPlainRoot extends PlainRoot { String extra; }
                    """,
            "inh.SameValueRoot", """
                    package inh;
                    @dev.retort.orm.Entity
                    @dev.retort.orm.Inheritance(subclasses = {SameValueA.class, SameValueB.class})
                    public class SameValueRoot { @dev.retort.orm.Id long id; }
                    """,
            "inh.SameValueA", """
                    package inh;
                    @dev.retort.orm.Entity @dev.retort.orm.DiscriminatorValue("x")
                    public class SameValueA extends SameValueRoot { }
                    """,
            "inh.SameValueB", """
                    package inh;
                    @dev.retort.orm.Entity @dev.retort.orm.DiscriminatorValue("x")
                    public class SameValueB extends SameValueRoot { }
                    """,
            "inh.IdAgainRoot", """
                    package inh;
                    @dev.retort.orm.Entity
                    @dev.retort.orm.Inheritance(subclasses = IdAgain.class)
                    public class IdAgainRoot { @dev.retort.orm.Id long id; }
                    """,
            "inh.IdAgain", """
                    package inh;
                    @dev.retort.orm.Entity
                    public class IdAgain extends IdAgainRoot { @dev.retort.orm.Id long code; }
                    """,
            "inh.MixedRoot", """
                    package inh;
                    @dev.retort.orm.Entity
                    @dev.retort.orm.Inheritance(subclasses = MixedSub.class)
                    public class MixedRoot { @dev.retort.orm.Id long id; }
                    """,
            "inh.MixedSub", """
                    package inh;
                    @dev.retort.orm.Entity
                    @dev.retort.orm.Inheritance(strategy = dev.retort.orm.InheritanceStrategy.JOINED)
                    public class MixedSub extends MixedRoot { }
                    """,
            "inh.ListingRoot", """
                    package inh;
                    @dev.retort.orm.Entity
                    @dev.retort.orm.Inheritance
                    public class ListingRoot { @dev.retort.orm.Id long id; }
                    """,
            "inh.Unlisted", """
                    package inh;
                    @dev.retort.orm.Entity
                    public class Unlisted extends ListingRoot { }
                    """));

    private static Class<?> refused(String name) {
        assertThat(REFUSED_BY_PROCESSOR.errors()).isEmpty();
        return REFUSED_BY_PROCESSOR.load("inh." + name);
    }

    @Test
    void aSubclassOfAnEntityWithoutInheritance() {
        assertThatThrownBy(() -> EntityMapping.of(refused("SubOfPlainRoot"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("inh.SubOfPlainRoot")
                .hasMessageContaining("extends the entity inh.PlainRoot, whose mapping declares no inheritance")
                .hasMessageContaining("annotate PlainRoot with @Inheritance(subclasses = SubOfPlainRoot.class)");
        assertThat(EntityMapping.of(refused("PlainRoot")).polymorphism()).as("the root alone still maps").isNull();
    }

    @Test
    void twoClassesWithTheSameDiscriminatorValue() {
        assertThatThrownBy(() -> EntityMapping.of(refused("SameValueB"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("inh.SameValueB")
                .hasMessageContaining("has discriminator value \"x\", which inh.SameValueA has too")
                .hasMessageContaining("give one of them another @DiscriminatorValue");
    }

    @Test
    void anIdDeclaredAgainOnASubclass() {
        assertThatThrownBy(() -> EntityMapping.of(refused("IdAgain"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("inh.IdAgain")
                .hasMessageContaining("field code is @Id")
                .hasMessageContaining("remove @Id (and the field) from IdAgain");
        assertThatThrownBy(() -> EntityMapping.of(refused("IdAgainRoot"))).as("the root's table cannot be built either")
                .isInstanceOf(MappingException.class).hasMessageContaining("field code is @Id");
    }

    @Test
    void mixingStrategiesInOneHierarchy() {
        assertThatThrownBy(() -> EntityMapping.of(refused("MixedSub"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("inh.MixedSub")
                .hasMessageContaining("declares @Inheritance, but it extends the entity")
                .hasMessageContaining("remove @Inheritance from MixedSub");
    }

    @Test
    void aSubclassTheRootDoesNotList() {
        assertThatThrownBy(() -> EntityMapping.of(refused("Unlisted"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("inh.Unlisted")
                .hasMessageContaining("add Unlisted.class to @Inheritance(subclasses = ...) on ListingRoot");
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
    @Inheritance(strategy = InheritanceStrategy.JOINED, subclasses = JoinedNamed.class)
    static class JoinedRoot {
        @Id long id;
    }

    @Entity
    @Inheritance(strategy = InheritanceStrategy.JOINED, subclasses = JoinedUnique.class)
    static class JoinedRoot2 {
        @Id long id;
    }

    @Entity(table = "named_child")
    static class JoinedNamed extends JoinedRoot {
        String extra;
    }

    @Entity
    @Unique(fields = "code")
    static class JoinedUnique extends JoinedRoot2 {
        String code;
    }

    @Test
    void aJoinedSubclassNamesItsTableButDeclaresNoConstraintsYet() {
        assertThat(EntityMapping.of(JoinedNamed.class).table().name()).isEqualTo("named_child");
        assertThat(EntityMapping.of(JoinedNamed.class).table().columnNames()).containsExactly("id", "extra");
        assertThatThrownBy(() -> EntityMapping.of(JoinedUnique.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(JoinedUnique.class.getName())
                .hasMessageContaining("declares @Unique or @Index, which subclasses of a JOINED hierarchy cannot declare yet");
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

    // ---- the metamodel ------------------------------------------------------------------------


    private static final Map<String, String> HIERARCHY = Map.of("hr.Employee", """
            package hr;

            import dev.retort.orm.*;

            @Entity
            @Inheritance(subclasses = Manager.class)
            public class Employee {
                @Id @Generated Long id;
                private String name;
                protected Employee() { }
            }
            """, "hr.Manager", """
            package hr;

            import dev.retort.orm.*;

            @Entity
            @DiscriminatorValue("manager")
            public class Manager extends Employee {
                Integer budget;
                protected Manager() { }
            }
            """);

    private static JavaSources compileWith(String query) {
        Map<String, String> sources = new java.util.HashMap<>(HIERARCHY);
        sources.put("hr.Queries", """
                package hr;

                import static dev.retort.orm.OrmStatements.select;

                public class Queries {
                    public static Object managers() {
                        return %s;
                    }
                }
                """.formatted(query));
        return JavaSources.compile(true, sources);
    }

    @Test
    void anInheritedColumnIsATypedConstantOfTheSubclassMetamodel() throws Exception {
        JavaSources compiled = compileWith("select(Manager.class).where(Manager_.NAME.eq(\"x\").and(Manager_.BUDGET.gt(10)))");
        assertThat(compiled.errors()).isEmpty();
        Class<?> manager = compiled.load("hr.Manager");
        assertThat(EntityMapping.of(manager).usesGeneratedAccessor()).as("the accessor reaches Employee's private name").isTrue();
        Object query = compiled.load("hr.Queries").getDeclaredMethod("managers").invoke(null);
        assertThat(query.toString()).isEqualTo("SELECT employee.id, employee.name, employee.type, employee.budget FROM employee "
                + "WHERE employee.type = ? AND employee.name = ? AND employee.budget > ?");
    }

    @Test
    void comparingAnInheritedStringColumnWithAnIntDoesNotCompile() {
        JavaSources compiled = compileWith("select(Manager.class).where(Manager_.NAME.eq(42))");
        assertThat(compiled.success).isFalse();
        assertThat(compiled.errors()).singleElement().asString().contains("no suitable method found for eq(int)");
    }
}
