package dev.retort.processor;

import java.util.List;

import javax.tools.JavaFileObject;

/**
 * Minimal stand-ins for what the processor reads (the ORM's annotations) and what the generated code
 * refers to ({@code EntityMapping}, {@code EntityAccessor}, {@code Table}, {@code Column}): retort-orm
 * is not a dependency of this module. The runtime ones are just enough for the generated code to
 * compile and run in {@link GeneratedCodeTest}.
 */
final class StandIns {

    private StandIns() {
    }

    static List<JavaFileObject> all() {
        return List.of(
                annotation("Entity", "TYPE", "String table() default \"\"; String schema() default \"\"; boolean readOnly() default false;"),
                annotation("Id", "FIELD", ""),
                annotation("Inheritance", "TYPE", "Class<?>[] subclasses() default {}; String discriminator() default \"type\";"),
                annotation("DiscriminatorValue", "TYPE", "String value();"),
                annotation("Version", "FIELD", ""),
                annotation("Transient", "FIELD", ""),
                annotation("Deferred", "FIELD", "String group() default \"\";"),
                annotation("Embedded", "FIELD", "String prefix() default \"\";"),
                annotation("Creator", "CONSTRUCTOR", "String[] value() default {};"),
                annotation("ManyToOne", "FIELD", "String column() default \"\";"),
                annotation("OneToMany", "FIELD", "String mappedBy(); String mapKey() default \"\";"),
                annotation("OneToOne", "FIELD", "String mappedBy() default \"\"; String column() default \"\";"),
                Compilation.source("dev.retort.orm.mapping.EntityAccessor", String.join("\n",
                        "package dev.retort.orm.mapping;",
                        "public interface EntityAccessor<E> {",
                        "    java.util.List<String> fieldNames();",
                        "    java.util.List<String> constructorParameters();",
                        "    E newInstance(Object[] arguments);",
                        "    Object get(E entity, int field);",
                        "    void set(E entity, int field, Object value);",
                        "}")),
                Compilation.source("dev.retort.orm.mapping.EntityMapping", String.join("\n",
                        "package dev.retort.orm.mapping;",
                        "public final class EntityMapping<E> {",
                        "    private final Class<E> type;",
                        "    private EntityMapping(Class<E> type) { this.type = type; }",
                        "    public static <E> EntityMapping<E> of(Class<E> type) { return new EntityMapping<>(type); }",
                        "    public dev.retort.schema.Table table() { return new dev.retort.schema.Table(type.getSimpleName()); }",
                        "    public <T> dev.retort.schema.Column<T> column(String path) { return new dev.retort.schema.Column<>(path); }",
                        "    public <O, T> Relation<O, T> relation(String field) { return new Relation<>(field); }",
                        "}")),
                Compilation.source("dev.retort.orm.mapping.Relation", String.join("\n",
                        "package dev.retort.orm.mapping;",
                        "public final class Relation<O, T> {",
                        "    private final String field;",
                        "    Relation(String field) { this.field = field; }",
                        "    public String field() { return field; }",
                        "}")),
                Compilation.source("dev.retort.schema.Table", String.join("\n",
                        "package dev.retort.schema;",
                        "public final class Table {",
                        "    private final String name;",
                        "    public Table(String name) { this.name = name; }",
                        "    public String name() { return name; }",
                        "}")),
                Compilation.source("dev.retort.schema.Column", String.join("\n",
                        "package dev.retort.schema;",
                        "public final class Column<T> {",
                        "    private final String path;",
                        "    public Column(String path) { this.path = path; }",
                        "    public String path() { return path; }",
                        "}")));
    }

    private static JavaFileObject annotation(String name, String target, String members) {
        return Compilation.source("dev.retort.orm." + name, String.join("\n",
                "package dev.retort.orm;",
                "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
                "@java.lang.annotation.Target(java.lang.annotation.ElementType." + target + ")",
                "public @interface " + name + " {",
                "    " + members,
                "}"));
    }
}
