package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every mapping mistake fails when the mapping is built, naming the class, the field and the fix. */
class MappingErrorsTest {

    @Entity
    static class NoId {
        String name;
    }

    @Entity
    static class TwoIds {
        @Id long a;
        @Id long b;
    }

    @Entity
    static class Unsupported {
        @Id long id;
        Map<String, String> attributes;
    }

    @Entity
    static class SameColumnTwice {
        @Id long id;
        String userName;
        @Column(name = "user_name") String login;
    }

    static class NotAnEntity {
        long id;
    }

    @Entity
    static class GeneratedString {
        @Id @Generated String id;
    }

    @Entity
    @IdClass(WrongIdClass.WrongKey.class)
    static class WrongIdClass {
        record WrongKey(long a, long c) { }

        @Id long a;
        @Id long b;
    }

    @Entity
    static class BadValidator {
        @Id long id;
        String name;

        @Validates("nmae")
        String check(String v) {
            return v;
        }
    }

    @Entity
    static class VoidValidator {
        @Id long id;
        String name;

        @Validates("name")
        void check(String v) {
        }
    }

    @Entity
    static class PrimitiveComponent {
        record Point(int x, Integer y) { }

        @Id long id;
        @Embedded Point where;
    }

    @Entity
    static class Parent {
        @Id long id;
        @OneToMany(mappedBy = "owner") java.util.List<Child> children;
    }

    @Entity
    static class Child {
        @Id long id;
        @ManyToOne Parent parent;
    }

    @Entity
    static class WrongReference {
        @Id long id;
        @ManyToOne String name;
    }

    @Entity
    static class StringVersion {
        @Id long id;
        @Version String version;
    }

    @Entity
    static class DeferredId {
        @Id @Deferred long id;
    }

    @Entity
    static class DeferredVersion {
        @Id long id;
        @Version @Deferred int version;
    }

    @Entity
    static class DeferredReference {
        @Id long id;
        @ManyToOne @Deferred DeferredId other;
    }

    /**
     * Classes the metamodel processor refuses at compile time, compiled here without it: the
     * run-time mapping must refuse them too, for applications that do not run the processor.
     */
    static final JavaSources REFUSED_BY_PROCESSOR = JavaSources.compile(false, Map.of(
            "fixtures.FinalField", """
                    package fixtures;
                    @dev.retort.orm.Entity
                    public class FinalField {
                        @dev.retort.orm.Id long id;
                        final String name = "x";
                    }
                    """,
            "fixtures.NoConstructor", """
                    package fixtures;
                    @dev.retort.orm.Entity
                    public class NoConstructor {
                        @dev.retort.orm.Id long id;
                        String name;
                        NoConstructor(long id) { this.id = id; }
                        NoConstructor(long id, String name) { this.id = id; this.name = name; }
                    }
                    """,
            "fixtures.RecordEntity", """
                    package fixtures;
                    @dev.retort.orm.Entity
                    public record RecordEntity(@dev.retort.orm.Id long id) { }
                    """));

    static Class<?> refused(String name) {
        assertThat(REFUSED_BY_PROCESSOR.errors()).isEmpty();
        return REFUSED_BY_PROCESSOR.load("fixtures." + name);
    }

    @Test
    void anEntityWithoutIdIsRefused() {
        assertThatThrownBy(() -> EntityMapping.of(NoId.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(NoId.class.getName()).hasMessageContaining("has no id").hasMessageContaining("@Id");
    }

    @Test
    void twoIdsNeedACompositeKeyDeclared() {
        assertThatThrownBy(() -> EntityMapping.of(TwoIds.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("TwoIds").hasMessageContaining("[a, b]").hasMessageContaining("@IdClass");
    }

    @Test
    void anUnsupportedTypeNeedsAConverter() {
        assertThatThrownBy(() -> EntityMapping.of(Unsupported.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("field attributes").hasMessageContaining("java.util.Map")
                .hasMessageContaining("@Convert").hasMessageContaining("@Transient");
    }

    @Test
    void aFinalFieldIsRefused() {
        assertThatThrownBy(() -> EntityMapping.of(refused("FinalField"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("field name is final").hasMessageContaining("remove final");
    }

    @Test
    void aClassWithoutAConstructorRetortCanCallIsRefused() {
        assertThatThrownBy(() -> EntityMapping.of(refused("NoConstructor"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("NoConstructor").hasMessageContaining("2 constructors and none without parameters")
                .hasMessageContaining("add a no-argument constructor (it may be private) or mark one with @Creator");
    }

    @Test
    void aColumnNameUsedTwiceIsRefused() {
        assertThatThrownBy(() -> EntityMapping.of(SameColumnTwice.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("field login").hasMessageContaining("user_name").hasMessageContaining("userName")
                .hasMessageContaining("@Column(name");
    }

    @Test
    void recordsAreResultTypesNotEntities() {
        assertThatThrownBy(() -> EntityMapping.of(refused("RecordEntity"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("is a record").hasMessageContaining("into(");
    }

    @Test
    void aClassWithoutEntityIsRefused() {
        assertThatThrownBy(() -> EntityMapping.of(NotAnEntity.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("not annotated @Entity");
    }

    @Test
    void generatedKeysMustBeNumbersOrUuids() {
        assertThatThrownBy(() -> EntityMapping.of(GeneratedString.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("field id").hasMessageContaining("IDENTITY").hasMessageContaining("Long");
    }

    @Test
    void theIdClassMustMatchTheIdFields() {
        assertThatThrownBy(() -> EntityMapping.of(WrongIdClass.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("WrongIdClass").hasMessageContaining("[a, c]").hasMessageContaining("[a, b]");
    }

    @Test
    void aValidatorMustNameAField() {
        assertThatThrownBy(() -> EntityMapping.of(BadValidator.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("@Validates(\"nmae\")").hasMessageContaining("[id, name]");
    }

    @Test
    void aValidatorReturnsTheValue() {
        assertThatThrownBy(() -> EntityMapping.of(VoidValidator.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("VoidValidator").hasMessageContaining("validator check of field name returns nothing");
    }

    @Test
    void embeddedComponentsAreWrappers() {
        assertThatThrownBy(() -> EntityMapping.of(PrimitiveComponent.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("component x of field where").hasMessageContaining("Integer");
    }

    @Test
    void aOneToManyNamesTheManyToOneThatRefersBack() {
        assertThatThrownBy(() -> Registry.of(Parent.class, Child.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Parent").hasMessageContaining("field children is @OneToMany(mappedBy = \"owner\")")
                .hasMessageContaining("[parent]");
        assertThatThrownBy(() -> EntityMapping.of(WrongReference.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("@ManyToOne field name is a java.lang.String").hasMessageContaining("not an @Entity");
    }

    @Test
    void aVersionIsANumber() {
        assertThatThrownBy(() -> EntityMapping.of(StringVersion.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("@Version field version").hasMessageContaining("int, long");
    }

    @Test
    void aRegistryReportsEveryWrongEntityAtOnce() {
        assertThatThrownBy(() -> Registry.of(NoId.class, refused("FinalField"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("2 entities are mapped wrongly").hasMessageContaining("NoId").hasMessageContaining("FinalField");
    }

    @Naming(NamingStrategy.Exact.class)
    @Entity
    static class OrderLine {
        @Id long lineId;
        String productName;
        transient String cache;
    }

    @Entity(table = "lines", schema = "shop")
    static class SnakeLine {
        @Id long lineId;
        String productName;
        @Transient String scratch;
    }

    @Test
    void namesComeFromTheNamingStrategy() {
        Table exact = EntityMapping.of(OrderLine.class).table();
        assertThat(exact.name()).isEqualTo("OrderLine");
        assertThat(exact.columnNames()).containsExactly("lineId", "productName");
        Table snake = EntityMapping.of(SnakeLine.class).table();
        assertThat(snake.fullName()).isEqualTo("shop.lines");
        assertThat(snake.columnNames()).containsExactly("line_id", "product_name");
        assertThat(NamingStrategy.SnakeCase.snake("HTTPRequestID2")).isEqualTo("http_request_id2");
        assertThat(NamingStrategy.SnakeCase.snake("createdAt")).isEqualTo("created_at");
    }

    @Test
    void aRegistryListsTheTablesInItsMetaData() {
        Registry r = Registry.of(OrderLine.class, SnakeLine.class);
        assertThat(r.metadata().tables()).containsExactly(EntityMapping.of(OrderLine.class).table(), EntityMapping.of(SnakeLine.class).table());
        assertThat(r.mappings().stream().map(m -> m.type().getSimpleName()).toList()).containsExactly("OrderLine", "SnakeLine");
        assertThat(List.of(r.mapping(OrderLine.class).columns().get(0).path())).containsExactly("lineId");
        assertThatThrownBy(() -> r.mapping(NoId.class)).hasMessageContaining("not in this registry");
    }

    @Test
    void deferringAnIdAVersionOrARelationshipIsRefused() {
        assertThatThrownBy(() -> EntityMapping.of(DeferredId.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("DeferredId").hasMessageContaining("field id is @Deferred but is the @Id, which identifies "
                        + "the object and always loads; remove @Deferred");
        assertThatThrownBy(() -> EntityMapping.of(DeferredVersion.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("field version is @Deferred but is the @Version, which every UPDATE checks and always loads");
        assertThatThrownBy(() -> EntityMapping.of(DeferredReference.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("field other is @Deferred but is a relationship, which loads by its own strategy; remove "
                        + "@Deferred and choose the loading with load = ... or a query option (noLoad, lazyLoad)");
    }
}
