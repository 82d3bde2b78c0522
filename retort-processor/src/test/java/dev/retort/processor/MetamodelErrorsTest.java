package dev.retort.processor;

import static dev.retort.processor.Compilation.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import org.junit.jupiter.api.Test;

/** Entities the processor refuses: an error on the offending element, and no metamodel. */
class MetamodelErrorsTest {

    /** A valid entity compiled alongside each refused one: an error must not stop the others. */
    private static final JavaFileObject VALID = source("com.example.Valid", """
            package com.example;
            @dev.retort.orm.Entity
            public class Valid {
                Long id;
            }
            """);

    /**
     * Processes the source with {@link #VALID}, checks that exactly one error is reported, in that
     * source, and that only the valid entity's metamodel is written.
     */
    private static Diagnostic<? extends JavaFileObject> singleError(JavaFileObject... sources) {
        JavaFileObject[] all = new JavaFileObject[sources.length + 1];
        System.arraycopy(sources, 0, all, 0, sources.length);
        all[sources.length] = VALID;
        Compilation compilation = Compilation.process(all);
        List<Diagnostic<? extends JavaFileObject>> errors = compilation.errors();
        assertThat(errors).as(compilation.report()).hasSize(1);
        assertThat(compilation.success).isFalse();
        assertThat(compilation.generated).containsOnlyKeys("com.example.Valid_");
        return errors.get(0);
    }

    private static String message(Diagnostic<? extends JavaFileObject> diagnostic) {
        return diagnostic.getMessage(Locale.ROOT);
    }

    @Test
    void refusesARecord() {
        Diagnostic<? extends JavaFileObject> error = singleError(source("com.example.Point", """
                package com.example;
                @dev.retort.orm.Entity
                public record Point(int x, int y) { }
                """));

        assertThat(error.getKind()).isEqualTo(Diagnostic.Kind.ERROR);
        assertThat(message(error)).contains("com.example.Point", "records map as read-only result types; use a class");
        assertThat(error.getSource().getName()).endsWith("com/example/Point.java");
        assertThat(error.getLineNumber()).isEqualTo(3);
    }

    @Test
    void refusesAnInterfaceAndAnEnum() {
        Compilation compilation = Compilation.process(
                source("com.example.Named", """
                        package com.example;
                        @dev.retort.orm.Entity
                        public interface Named { }
                        """),
                source("com.example.Color", """
                        package com.example;
                        @dev.retort.orm.Entity
                        public enum Color { RED }
                        """));

        assertThat(compilation.errorMessages()).as(compilation.report()).containsExactlyInAnyOrder(
                "Interface com.example.Named cannot be an @Entity; use a class",
                "Enum com.example.Color cannot be an @Entity; use a class");
        assertThat(compilation.generated).isEmpty();
    }

    @Test
    void refusesANonStaticInnerClass() {
        Diagnostic<? extends JavaFileObject> error = singleError(source("com.example.Outer", """
                package com.example;
                public class Outer {
                    @dev.retort.orm.Entity
                    public class User {
                        String name;
                    }
                }
                """));

        assertThat(message(error)).contains("com.example.Outer.User", "make it static (a static nested class) or top level");
        assertThat(error.getLineNumber()).isEqualTo(4);
    }

    @Test
    void refusesAClassWithSeveralConstructorsAndNoneToCall() {
        Diagnostic<? extends JavaFileObject> error = singleError(source("com.example.Person", """
                package com.example;
                @dev.retort.orm.Entity
                public class Person {
                    Long id;
                    String name;
                    public Person(String name) { this.name = name; }
                    public Person(Long id, String name) { this.id = id; this.name = name; }
                }
                """));

        assertThat(message(error)).contains("com.example.Person has 2 constructors and none without parameters",
                "add a no-argument constructor (it may be private) or mark one with @Creator");
        assertThat(error.getLineNumber()).isEqualTo(3);
    }

    @Test
    void refusesAConstructorParameterThatNamesNoField() {
        Diagnostic<? extends JavaFileObject> error = singleError(source("com.example.Person", """
                package com.example;
                @dev.retort.orm.Entity
                public class Person {
                    Long id;
                    String name;
                    public Person(Long id,
                                  String fullName) { this.id = id; this.name = fullName; }
                }
                """));

        assertThat(message(error)).contains("Parameter 2 (fullName) of the constructor of entity com.example.Person matches no mapped field",
                "rename it (or name the field in @Creator)");
        assertThat(error.getLineNumber()).as("reported on the parameter").isEqualTo(7);
    }

    @Test
    void refusesAConstructorParameterOfAnotherTypeThanItsField() {
        Diagnostic<? extends JavaFileObject> error = singleError(source("com.example.Person", """
                package com.example;
                @dev.retort.orm.Entity
                public class Person {
                    Long id;
                    int age;
                    public Person(Long id, long age) { this.id = id; this.age = (int) age; }
                }
                """));

        assertThat(message(error)).contains("Parameter 2 (age) of the constructor of entity com.example.Person is a long but the field is a int");
    }

    @Test
    void refusesTwoCreatorsAndACreatorNamingTooFewFields() {
        Compilation compilation = Compilation.process(source("com.example.Twice", """
                package com.example;
                @dev.retort.orm.Entity
                public class Twice {
                    Long id;
                    String name;
                    @dev.retort.orm.Creator public Twice(Long id) { this.id = id; }
                    @dev.retort.orm.Creator public Twice(Long id, String name) { this.id = id; this.name = name; }
                }
                """), source("com.example.Short", """
                package com.example;
                @dev.retort.orm.Entity
                public class Short {
                    Long id;
                    String name;
                    @dev.retort.orm.Creator({"id"}) public Short(Long a, String b) { this.id = a; this.name = b; }
                }
                """));

        assertThat(compilation.errorMessages()).as(compilation.report()).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("Entity com.example.Twice has 2 constructors marked @Creator"))
                .anySatisfy(m -> assertThat(m).contains("@Creator of entity com.example.Short names 1 fields [id] but the constructor has 2 parameters"));
    }

    @Test
    void refusesAFinalFieldAndReportsItOnTheField() {
        Diagnostic<? extends JavaFileObject> error = singleError(source("com.example.Ticket", """
                package com.example;
                @dev.retort.orm.Entity
                public class Ticket {
                    Long id;
                    final String code = "T";
                }
                """));

        assertThat(error.getKind()).isEqualTo(Diagnostic.Kind.ERROR);
        assertThat(message(error)).isEqualTo("Field code of entity com.example.Ticket is final: a final field cannot "
                + "be loaded; remove final or mark it @Transient");
        assertThat(error.getLineNumber()).isEqualTo(5);
    }

    @Test
    void refusesAFinalFieldOfASuperclassAndNamesTheSuperclass() {
        Diagnostic<? extends JavaFileObject> error = singleError(
                source("com.base.Stamped", """
                        package com.base;
                        public abstract class Stamped {
                            protected final long stamp = 1L;
                        }
                        """),
                source("com.example.Event", """
                        package com.example;
                        @dev.retort.orm.Entity
                        public class Event extends com.base.Stamped {
                            Long id;
                        }
                        """));

        assertThat(message(error)).contains("Field stamp (declared in com.base.Stamped) of entity com.example.Event is final",
                "remove final or mark it @Transient");
        assertThat(error.getSource().getName()).endsWith("com/example/Event.java");
    }

    @Test
    void reportsEveryProblemOfAnEntity() {
        Compilation compilation = Compilation.process(source("com.example.Broken", """
                package com.example;
                @dev.retort.orm.Entity
                public class Broken {
                    final Long id = 1L;
                    final String name = "";
                    public Broken(int x) { }
                }
                """));

        assertThat(compilation.errorMessages()).as(compilation.report()).hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("Parameter 1 (x) of the constructor of entity com.example.Broken matches no mapped field"))
                .anySatisfy(m -> assertThat(m).contains("Field id of entity com.example.Broken is final"))
                .anySatisfy(m -> assertThat(m).contains("Field name of entity com.example.Broken is final"));
        assertThat(compilation.generated).isEmpty();
    }

    @Test
    void refusesAGenericEntity() {
        Diagnostic<? extends JavaFileObject> error = singleError(source("com.example.Box", """
                package com.example;
                @dev.retort.orm.Entity
                public class Box<T> {
                    T content;
                }
                """));

        assertThat(message(error)).contains("com.example.Box", "declares type parameters");
    }

    @Test
    void refusesAPrivateNestedEntityItsMetamodelCannotName() {
        Diagnostic<? extends JavaFileObject> error = singleError(source("com.example.Outer", """
                package com.example;
                public class Outer {
                    private static class Inner {
                        @dev.retort.orm.Entity
                        static class User {
                            String name;
                        }
                    }
                }
                """));

        assertThat(message(error)).contains("com.example.Outer.Inner.User", "nested in private com.example.Outer.Inner",
                "make it package-private or public");
    }

    @Test
    void refusesAFieldThatHidesASuperclassField() {
        Diagnostic<? extends JavaFileObject> error = singleError(
                source("com.example.Base", """
                        package com.example;
                        public abstract class Base {
                            String name;
                        }
                        """),
                source("com.example.Thing", """
                        package com.example;
                        @dev.retort.orm.Entity
                        public class Thing extends Base {
                            String name;
                        }
                        """));

        assertThat(message(error)).contains("Field name of entity com.example.Thing hides field name of com.example.Base",
                "rename one of them or mark one @Transient");
        assertThat(error.getLineNumber()).isEqualTo(4);
    }

    @Test
    void refusesAnEmbeddedFieldWhoseTypeIsNotARecordOrAConcreteClass() {
        Diagnostic<? extends JavaFileObject> error = singleError(source("com.example.Shop", """
                package com.example;
                @dev.retort.orm.Entity
                public class Shop {
                    @dev.retort.orm.Embedded java.util.List<String> names;
                }
                """));

        assertThat(message(error)).contains("Field names of entity com.example.Shop is @Embedded",
                "java.util.List<java.lang.String> is neither a record nor a concrete class");
        assertThat(error.getLineNumber()).isEqualTo(4);
    }

    @Test
    void refusesAFieldWhoseTypeTheMetamodelCannotName() {
        Diagnostic<? extends JavaFileObject> error = singleError(
                source("com.base.Secret", """
                        package com.base;
                        class Secret { }
                        """),
                source("com.base.Holder", """
                        package com.base;
                        public abstract class Holder {
                            protected java.util.List<Secret> secrets;
                        }
                        """),
                source("com.example.Vault", """
                        package com.example;
                        @dev.retort.orm.Entity
                        public class Vault extends com.base.Holder {
                            Long id;
                        }
                        """));

        assertThat(message(error)).contains("Field secrets (declared in com.base.Holder) of entity com.example.Vault",
                "com.base.Secret cannot be named from package com.example", "mark the field @Transient");
    }

    @Test
    void refusesAFieldOfAPrivateNestedType() {
        Diagnostic<? extends JavaFileObject> error = singleError(source("com.example.Lamp", """
                package com.example;
                @dev.retort.orm.Entity
                public class Lamp {
                    private State state;
                    private enum State { ON, OFF }
                }
                """));

        assertThat(message(error)).contains("Field state of entity com.example.Lamp has type com.example.Lamp.State",
                "make it public (or package-private in package com.example), or mark the field @Transient");
        assertThat(error.getLineNumber()).isEqualTo(4);
    }

    @Test
    void reportsAFieldTypeThatNeverResolves() {
        Compilation compilation = Compilation.process(source("com.example.Lost", """
                package com.example;
                @dev.retort.orm.Entity
                public class Lost {
                    Long id;
                    Missing thing;
                }
                """));

        assertThat(compilation.errorMessages()).as(compilation.report())
                .anySatisfy(m -> assertThat(m).contains("Cannot write the metamodel of entity com.example.Lost",
                        "field thing", "Missing"));
        assertThat(compilation.generated).isEmpty();
    }
}
