package dev.retort.orm;

import dev.retort.orm.mapping.EntityMapping;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The metamodel of a subclass in a hierarchy: typed constants for inherited columns, compiled with the processor. */
class InheritanceTestMetamodel {

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
