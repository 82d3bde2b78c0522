package dev.retort.processor;

import org.junit.jupiter.api.Test;

import javax.tools.JavaFileObject;
import java.util.List;
import java.util.Locale;

import static dev.retort.processor.Compilation.source;
import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes in entity hierarchies ({@code @Inheritance}) reported at compile time, and metamodels of subclasses. */
class HierarchyErrorsTest {

    private static final JavaFileObject ROOT = source("com.example.Employee", """
            package com.example;
            @dev.retort.orm.Entity
            @dev.retort.orm.Inheritance(subclasses = {Manager.class})
            public class Employee {
                @dev.retort.orm.Id Long id;
                private String name;
            }
            """);

    private static List<String> errors(JavaFileObject... sources) {
        Compilation c = Compilation.process(sources);
        return c.errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    @Test
    void aListedSubclassGetsAMetamodelWithTheInheritedColumns() {
        Compilation c = Compilation.process(ROOT, source("com.example.Manager", """
                package com.example;
                @dev.retort.orm.Entity
                @dev.retort.orm.DiscriminatorValue("manager")
                public class Manager extends Employee {
                    Integer budget;
                }
                """));
        assertThat(c.errors()).as(c.report()).isEmpty();
        assertThat(c.generated.get("com.example.Manager_")).contains("NAME = MAPPING.column(\"name\")", "BUDGET = MAPPING.column(\"budget\")",
                "findVarHandle(com.example.Employee.class, \"name\"");
    }

    @Test
    void anAbstractRootGetsAMetamodelWhoseAccessorCreatesNoInstances() {
        Compilation c = Compilation.process(source("com.example.Vehicle", """
                package com.example;
                @dev.retort.orm.Entity
                @dev.retort.orm.Inheritance(subclasses = {Car.class})
                public abstract class Vehicle {
                    @dev.retort.orm.Id Long id;
                    int wheels;
                }
                """), source("com.example.Car", """
                package com.example;
                @dev.retort.orm.Entity
                public class Car extends Vehicle { int seats; }
                """), source("com.example.Plain", """
                package com.example;
                @dev.retort.orm.Entity
                public abstract class Plain { @dev.retort.orm.Id Long id; }
                """));
        assertThat(c.errors()).as(c.report()).isEmpty();
        assertThat(c.generated.get("com.example.Vehicle_")).contains("WHEELS = MAPPING.column(\"wheels\")",
                "throw new java.lang.UnsupportedOperationException(\"com.example.Vehicle is abstract");
        assertThat(c.generated).as("an abstract entity outside a hierarchy is still skipped").doesNotContainKey("com.example.Plain_");
    }

    @Test
    void aSubclassOfAnEntityWithoutInheritance() {
        assertThat(errors(source("com.example.Plain", """
                package com.example;
                @dev.retort.orm.Entity
                public class Plain { @dev.retort.orm.Id Long id; }
                """), source("com.example.Sub", """
                package com.example;
                @dev.retort.orm.Entity
                public class Sub extends Plain { String x; }
                """))).singleElement().asString().contains("com.example.Sub extends the entity com.example.Plain, which declares no @Inheritance",
                "annotate Plain with @Inheritance(subclasses = Sub.class)");
    }

    @Test
    void anUnlistedSubclassAnIdAgainAndInheritanceBelowTheRoot() {
        List<String> errors = errors(ROOT, source("com.example.Manager", """
                package com.example;
                @dev.retort.orm.Entity
                @dev.retort.orm.Inheritance
                public class Manager extends Employee {
                    @dev.retort.orm.Id Long code;
                }
                """), source("com.example.Engineer", """
                package com.example;
                @dev.retort.orm.Entity
                public class Engineer extends Employee { }
                """));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("com.example.Manager declares @Inheritance, but it extends the entity"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("Field code of entity com.example.Manager is @Id",
                "remove @Id (and the field) from Manager"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("com.example.Engineer extends Employee, whose @Inheritance does not list it"));
    }

    @Test
    void aVersionBelowTheRootAndATableNamedByASingleTableSubclass() {
        List<String> errors = errors(ROOT, source("com.example.Manager", """
                package com.example;
                @dev.retort.orm.Entity(table = "managers")
                public class Manager extends Employee {
                    @dev.retort.orm.Version int version;
                }
                """));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("Field version of entity com.example.Manager is @Version",
                "declare the version on the root"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("com.example.Manager names table \"managers\"",
                "(SINGLE_TABLE); remove table = from its @Entity"));
    }

    @Test
    void twoListedClassesWithOneDiscriminatorValue() {
        List<String> errors = errors(source("com.example.Root", """
                package com.example;
                @dev.retort.orm.Entity
                @dev.retort.orm.Inheritance(subclasses = {A.class, B.class})
                public class Root { @dev.retort.orm.Id Long id; }
                """), source("com.example.A", """
                package com.example;
                @dev.retort.orm.Entity @dev.retort.orm.DiscriminatorValue("x")
                public class A extends Root { }
                """), source("com.example.B", """
                package com.example;
                @dev.retort.orm.Entity @dev.retort.orm.DiscriminatorValue("x")
                public class B extends Root { }
                """));
        assertThat(errors).singleElement().asString().contains("com.example.B has discriminator value \"x\", which com.example.A has too");
    }
}
