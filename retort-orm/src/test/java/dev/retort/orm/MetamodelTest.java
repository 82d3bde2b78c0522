package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.ReflectiveAccessor;
import dev.retort.orm.model.Account;
import dev.retort.orm.model.Author;
import dev.retort.orm.model.Author_;
import dev.retort.orm.model.Person;
import dev.retort.orm.model.Person_;
import dev.retort.sql.Expression;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated metamodel: its constants are the mapping's columns, its accessor replaces
 * reflection, and its types make a query that compares a String column with an int fail to compile.
 */
class MetamodelTest {

    private static final String ENTITY = """
            package shop;

            import dev.retort.orm.*;

            @Entity
            public class Customer {
                @Id @Generated Long id;
                String name;
                int visits;
                protected Customer() { }
            }
            """;

    @Test
    void constantsAreTheMappingsColumns() {
        assertThat(Author_.NAME).isSameAs(EntityMapping.of(Author.class).column("name"));
        assertThat(Author_.TABLE).isSameAs(EntityMapping.of(Author.class).table());
        assertThat(Person_.HOME_ADDRESS_CITY.name()).isEqualTo("home_address_city");
        Expression<String> typed = Author_.NAME;
        assertThat(OrmStatements.select(Author.class).where(typed.eq("ada")).toString())
                .isEqualTo("SELECT authors.id, authors.name, authors.email FROM authors WHERE authors.name = ?");
    }

    @Test
    void entitiesCompiledWithTheProcessorUseTheGeneratedAccessor() {
        assertThat(EntityMapping.of(Author.class).usesGeneratedAccessor()).isTrue();
        assertThat(EntityMapping.of(Account.class).usesGeneratedAccessor()).as("private fields through VarHandle constants").isTrue();
        assertThat(EntityMapping.of(Person.class).accessor()).isNotInstanceOf(ReflectiveAccessor.class);
        Account account = EntityMapping.of(Account.class).instantiate(new Object[] {5L, "ada", 10L, 3});
        assertThat(account.getOwner()).isEqualTo("ada");
        assertThat(account.getVersion()).isEqualTo(3);
    }

    @Test
    void withoutTheProcessorTheMappingReflectsOnce() {
        JavaSources compiled = JavaSources.compile(false, Map.of("shop.Customer", ENTITY));
        assertThat(compiled.errors()).isEmpty();
        EntityMapping<?> m = EntityMapping.of(compiled.load("shop.Customer"));
        assertThat(m.usesGeneratedAccessor()).isFalse();
        assertThat(m.accessor()).isInstanceOf(ReflectiveAccessor.class);
        assertThat(m.table().columnNames()).containsExactly("id", "name", "visits");
    }

    @Test
    void aQueryMatchingTheColumnTypesCompiles() {
        JavaSources compiled = JavaSources.compile(true, Map.of("shop.Customer", ENTITY, "shop.Queries", """
                package shop;

                import static dev.retort.orm.OrmStatements.select;

                class Queries {
                    static Object byName() {
                        return select(Customer.class).where(Customer_.NAME.eq("ada").and(Customer_.VISITS.gt(3)));
                    }
                }
                """));
        assertThat(compiled.errors()).isEmpty();
        assertThat(compiled.success).isTrue();
        assertThat(EntityMapping.of(compiled.load("shop.Customer")).usesGeneratedAccessor()).isTrue();
    }

    @Test
    void comparingAStringColumnWithAnIntDoesNotCompile() {
        JavaSources compiled = JavaSources.compile(true, Map.of("shop.Customer", ENTITY, "shop.Queries", """
                package shop;

                import static dev.retort.orm.OrmStatements.select;

                class Queries {
                    static Object byName() {
                        return select(Customer.class).where(Customer_.NAME.eq(42));
                    }
                }
                """));
        assertThat(compiled.success).isFalse();
        assertThat(compiled.errors()).singleElement().asString()
                .contains("no suitable method found for eq(int)");
    }

    @Test
    void theProcessorReportsMappingMistakesAtCompileTime() {
        JavaSources compiled = JavaSources.compile(true, Map.of("shop.Broken", """
                package shop;

                @dev.retort.orm.Entity
                public class Broken {
                    @dev.retort.orm.Id long id;
                    final String name = "x";
                }
                """));
        assertThat(compiled.success).isFalse();
        assertThat(compiled.errors()).singleElement().asString()
                .contains("shop.Broken").contains("name").contains("final");
    }
}
