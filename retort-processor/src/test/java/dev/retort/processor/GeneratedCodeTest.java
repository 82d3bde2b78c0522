package dev.retort.processor;

import static dev.retort.processor.Compilation.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles entities together with their generated metamodels (against stand-ins for the ORM types)
 * and runs the accessors: the generated code compiles without warnings under {@code -Xlint:all}
 * and reads and writes every kind of field.
 */
class GeneratedCodeTest {
    @TempDir
    static Path classes;
    private static Compilation compilation;
    private static URLClassLoader loader;

    @BeforeAll
    static void compile() throws Exception {
        compilation = Compilation.run(List.of("-d", classes.toString(), "-Xlint:all,-processing"), List.of(
                source("com.base.Hidden", """
                        package com.base;
                        abstract class Hidden {
                            public boolean flag;
                        }
                        """),
                source("com.base.Base", """
                        package com.base;
                        public abstract class Base<K> extends Hidden {
                            protected K id;
                            public long version;
                            int internal;
                            private String secret = "s";
                            public String secret() { return secret; }
                            public int internal() { return internal; }
                        }
                        """),
                source("com.example.Address", """
                        package com.example;
                        public record Address(String city, int zip) { }
                        """),
                source("com.example.Money", """
                        package com.example;
                        public class Money {
                            java.math.BigDecimal amount;
                            String currency;
                            static final String DEFAULT_CURRENCY = "EUR";
                        }
                        """),
                source("com.example.Customer", """
                        package com.example;
                        import dev.retort.orm.*;
                        import java.util.*;
                        @Entity
                        public class Customer extends com.base.Base<Long> {
                            String name;
                            private java.time.LocalDate born;
                            private int visits;
                            char grade;
                            byte[] photo;
                            List<String> tags;
                            private Map<String, List<Integer>> scores;
                            @SuppressWarnings("rawtypes") Comparable raw;
                            @Embedded Address address;
                            @Embedded Money balance;
                            String table;
                            transient String cache;
                            private Customer() { name = "fresh"; }
                        }
                        """),
                source("com.example.Outer", """
                        package com.example;
                        public class Outer {
                            @dev.retort.orm.Entity
                            static class Item {
                                private String sku;
                                Item() throws java.io.IOException { sku = "new"; }
                            }
                        }
                        """),
                source("com.example.Ticket", """
                        package com.example;
                        @dev.retort.orm.Entity
                        public class Ticket {
                            Long id;
                            int seat;
                            java.util.List<String> notes;
                            public Ticket(Long id, int seat, java.util.List<String> notes) {
                                this.id = id;
                                this.seat = seat * 10;
                                this.notes = notes;
                            }
                        }
                        """),
                source("com.example.Lease", """
                        package com.example;
                        @dev.retort.orm.Entity
                        public class Lease {
                            Long id;
                            String tenant;
                            public Lease(String tenant) { this.tenant = tenant; }
                            @dev.retort.orm.Creator({"tenant", "id"})
                            private Lease(String who, Long number) throws java.io.IOException {
                                this.id = number;
                                this.tenant = "[" + who + "]";
                            }
                        }
                        """),
                source("Loose", """
                        @dev.retort.orm.Entity
                        public class Loose {
                            int n;
                        }
                        """)));
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void compilesWithoutAnyWarningInTheGeneratedCode() {
        assertThat(compilation.errors()).as(compilation.report()).isEmpty();
        assertThat(compilation.success).isTrue();
        assertThat(compilation.generated).containsOnlyKeys("com.example.Customer_", "com.example.Outer_Item_", "Loose_",
                "com.example.Ticket_", "com.example.Lease_");
        List<String> generatedWarnings = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics) {
            if (d.getSource() != null && d.getSource().toUri().getScheme().equals("mem")) {
                generatedWarnings.add(d.getKind() + " " + d.getSource().getName() + ":" + d.getLineNumber() + " "
                        + d.getMessage(Locale.ROOT));
            }
        }
        assertThat(generatedWarnings).isEmpty();
    }

    @Test
    void readsAndWritesEveryField() throws Exception {
        Object accessor = accessor("com.example.Customer_");
        Object customer = call(accessor, "newInstance", (Object) new Object[0]);
        assertThat(customer.getClass().getName()).isEqualTo("com.example.Customer");

        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) call(accessor, "fieldNames");
        assertThat(names).containsExactly("flag", "id", "version", "internal", "secret", "name", "born", "visits",
                "grade", "photo", "tags", "scores", "raw", "address", "balance", "table");
        // The private constructor ran.
        assertThat(get(accessor, customer, "name")).isEqualTo("fresh");
        assertThat(get(accessor, customer, "secret")).isEqualTo("s");

        Object address = loader.loadClass("com.example.Address").getConstructor(String.class, int.class)
                .newInstance("Oslo", 150);
        Object money = loader.loadClass("com.example.Money").getConstructor().newInstance();
        Map<String, Object> values = Map.ofEntries(
                Map.entry("flag", true), Map.entry("id", 7L), Map.entry("version", 3L), Map.entry("internal", 11),
                Map.entry("secret", "hush"), Map.entry("name", "Ada"), Map.entry("born", LocalDate.of(1815, 12, 10)),
                Map.entry("visits", 42), Map.entry("grade", 'A'), Map.entry("photo", new byte[] {1, 2}),
                Map.entry("tags", List.of("x")), Map.entry("scores", Map.of("q", List.of(1))),
                Map.entry("raw", BigDecimal.ONE), Map.entry("address", address), Map.entry("balance", money),
                Map.entry("table", "t"));
        assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(names);
        for (int i = 0; i < names.size(); i++) {
            call(accessor, "set", customer, i, values.get(names.get(i)));
        }
        for (int i = 0; i < names.size(); i++) {
            assertThat(call(accessor, "get", customer, i)).as(names.get(i)).isEqualTo(values.get(names.get(i)));
        }
        // Written to the real fields, as the entity's own code sees them.
        assertThat(customer.getClass().getMethod("secret").invoke(customer)).isEqualTo("hush");
        assertThat(customer.getClass().getMethod("internal").invoke(customer)).isEqualTo(11);
    }

    @Test
    void refusesAnUnknownIndexAndANullPrimitive() throws Exception {
        Object accessor = accessor("com.example.Customer_");
        Object customer = call(accessor, "newInstance", (Object) new Object[0]);

        assertThatThrownBy(() -> call(accessor, "get", customer, 99))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("No field 99 in com.example.Customer");
        assertThatThrownBy(() -> call(accessor, "set", customer, -1, "x"))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("No field -1 in com.example.Customer");
        assertThatThrownBy(() -> call(accessor, "set", customer, 7, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> call(accessor, "set", customer, 8, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> call(accessor, "set", customer, 5, 12)).isInstanceOf(ClassCastException.class);
    }

    @Test
    void createsANestedEntityThroughAConstructorThatDeclaresACheckedException() throws Exception {
        Object accessor = accessor("com.example.Outer_Item_");
        Object item = call(accessor, "newInstance", (Object) new Object[0]);

        assertThat(item.getClass().getName()).isEqualTo("com.example.Outer$Item");
        assertThat(get(accessor, item, "sku")).isEqualTo("new");
    }

    @Test
    void callsAConstructorWithParametersNamedLikeFields() throws Exception {
        Object accessor = accessor("com.example.Ticket_");
        assertThat(call(accessor, "constructorParameters")).isEqualTo(List.of("id", "seat", "notes"));

        Object ticket = call(accessor, "newInstance", (Object) new Object[] {4L, 2, List.of("aisle")});

        assertThat(get(accessor, ticket, "id")).isEqualTo(4L);
        assertThat(get(accessor, ticket, "seat")).as("the constructor's own code ran").isEqualTo(20);
        assertThat(get(accessor, ticket, "notes")).isEqualTo(List.of("aisle"));
    }

    @Test
    void callsAPrivateCreatorThatNamesItsFieldsThroughAMethodHandle() throws Exception {
        Object accessor = accessor("com.example.Lease_");
        assertThat(call(accessor, "constructorParameters")).isEqualTo(List.of("tenant", "id"));

        Object lease = call(accessor, "newInstance", (Object) new Object[] {"Ada", 9L});

        assertThat(get(accessor, lease, "tenant")).isEqualTo("[Ada]");
        assertThat(get(accessor, lease, "id")).isEqualTo(9L);
    }

    @Test
    void exposesTheMappingTheTableAndTheColumns() throws Exception {
        Class<?> metamodel = loader.loadClass("com.example.Customer_");

        assertThat(path(metamodel, "NAME")).isEqualTo("name");
        assertThat(path(metamodel, "BORN")).isEqualTo("born");
        assertThat(path(metamodel, "ADDRESS_CITY")).isEqualTo("address.city");
        assertThat(path(metamodel, "BALANCE_AMOUNT")).isEqualTo("balance.amount");
        assertThat(path(metamodel, "TABLE_")).isEqualTo("table");
        Object table = metamodel.getField("TABLE").get(null);
        assertThat(table.getClass().getMethod("name").invoke(table)).isEqualTo("Customer");
        assertThat(metamodel.getField("MAPPING").get(null)).isNotNull();
        assertThat(path(loader.loadClass("Loose_"), "N")).isEqualTo("n");
    }

    private static String path(Class<?> metamodel, String constant) throws Exception {
        Object column = metamodel.getField(constant).get(null);
        return (String) column.getClass().getMethod("path").invoke(column);
    }

    private static Object accessor(String metamodel) throws Exception {
        return loader.loadClass(metamodel + "$Accessor").getConstructor().newInstance();
    }

    private static Object get(Object accessor, Object entity, String field) throws Exception {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) call(accessor, "fieldNames");
        return call(accessor, "get", entity, names.indexOf(field));
    }

    /** Calls a method of {@code EntityAccessor}, unwrapping what it throws. */
    private static Object call(Object accessor, String method, Object... args) throws Exception {
        Class<?> type = loader.loadClass("dev.retort.orm.mapping.EntityAccessor");
        for (Method m : type.getMethods()) {
            if (m.getName().equals(method)) {
                try {
                    return m.invoke(accessor, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof Exception) {
                        throw (Exception) e.getCause();
                    }
                    throw e;
                }
            }
        }
        throw new AssertionError("No method " + method);
    }
}
