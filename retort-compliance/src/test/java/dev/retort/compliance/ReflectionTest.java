package dev.retort.compliance;

import dev.retort.DefinitionException;
import dev.retort.dialect.Capability;
import dev.retort.dialect.DdlCompiler;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.reflect.Inspector;
import dev.retort.reflect.NoSuchTableException;
import dev.retort.reflect.ReflectedColumn;
import dev.retort.reflect.ReflectedTable;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.Index;
import dev.retort.schema.MetaData;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import dev.retort.types.SqlType;
import dev.retort.types.SqlTypes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.UNIQUE;
import static dev.retort.schema.ColumnOptions.serverDefaultValue;
import static dev.retort.schema.ColumnOptions.withComment;
import static dev.retort.sql.Statements.select;
import static dev.retort.sql.Statements.text;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.DATE;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.SMALLINT;
import static dev.retort.types.SqlTypes.TEXT;
import static dev.retort.types.SqlTypes.numeric;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Define → create → reflect → compare, on every database: a shop schema with a self-referencing
 * foreign key, composite primary and foreign keys, ON DELETE CASCADE / SET NULL, unique, check
 * and index constraints (expression and partial ones where the database has them), comments,
 * server defaults and a column of every type the database stores. The reflected tables are
 * then dropped and created again from the reflected definitions, and read back once more.
 *
 * <p>Types are compared through the dialect's DDL rendering, which is what the database keeps:
 * on MariaDB TIMESTAMPTZ and DATETIME are both {@code DATETIME(6)}, on SQLite BINARY and
 * {@code binary(16)} are both {@code BLOB}. Names are compared where the database keeps them:
 * MariaDB calls every primary key {@code PRIMARY}, and does not tell a unique index from a
 * unique constraint (both are compared there as unique keys).
 */
class ReflectionTest {
    enum Status { DRAFT, ACTIVE, RETIRED }

    private static final NamingConvention CONVENTION = NamingConvention.of(Map.of(
            "ix", "ix_%(column_0_label)s",
            "uq", "uq_%(table_name)s_%(column_0_N_name)s",
            "ck", "ck_%(table_name)s_%(constraint_name)s",
            "fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk", "pk_%(table_name)s"));

    private static final List<String> TABLES = List.of("categories", "products", "warehouses", "stock", "all_types");

    /** The shop schema, with the features the database has. */
    private static MetaData define(TestDatabase db) {
        var d = db.dialect();
        MetaData md = MetaData.builder().namingConvention(CONVENTION).build();
        Table.builder("categories").metadata(md)
                .column("id", BIGINT, PRIMARY_KEY)
                .column("parent_id", BIGINT)
                .column("name", varchar(80), NOT_NULL, withComment("Shown in the menu"))
                .foreignKey(List.of("parent_id"), "categories", List.of("id"),
                        ForeignKeyOptions.defaults().onDelete(ReferentialAction.CASCADE))
                .unique(null, "parent_id", "name")
                .comment("Product categories, nested")
                .build();
        Table.Builder products = Table.builder("products").metadata(md)
                .column("id", BIGINT, PRIMARY_KEY)
                .column("sku", varchar(20), NOT_NULL, UNIQUE)
                .column("name", varchar(100), NOT_NULL)
                .column("category_id", BIGINT)
                .column("price", numeric(10, 2), NOT_NULL, serverDefaultValue(new BigDecimal("0.00")))
                .column("qty", INTEGER, NOT_NULL, serverDefaultValue(0))
                .column("status", SqlTypes.enumOf(Status.class), NOT_NULL, serverDefaultValue(Status.DRAFT))
                .column("note", varchar(200), serverDefaultValue("it's new"))
                .column("description", TEXT)
                .foreignKey(List.of("category_id"), "categories", List.of("id"),
                        ForeignKeyOptions.defaults().onDelete(ReferentialAction.SET_NULL))
                .check("qty_nonnegative", "qty >= 0")
                .index(null, false, "category_id")
                .index("ux_products_name_status", true, "name", "status");
        if (d.supports(Capability.EXPRESSION_INDEXES)) {
            products.index("ix_products_lower_name", false, List.of("lower(name)"), null);
        }
        if (d.supports(Capability.PARTIAL_INDEXES)) {
            products.index("ix_products_in_stock", false, List.of("sku"), "qty > 0");
        }
        products.build();
        Table.builder("warehouses").metadata(md)
                .column("region", varchar(10), PRIMARY_KEY)
                .column("code", SMALLINT, PRIMARY_KEY)
                .column("opened", DATE)
                .build();
        ForeignKeyOptions toWarehouse = ForeignKeyOptions.defaults().onDelete(ReferentialAction.CASCADE)
                .onUpdate(ReferentialAction.CASCADE);
        if (d.supports(Capability.DEFERRABLE_CONSTRAINTS)) {
            toWarehouse = toWarehouse.deferrable(true);
        }
        Table.builder("stock").metadata(md)
                .column("product_id", BIGINT, NOT_NULL)
                .column("region", varchar(10), NOT_NULL)
                .column("code", SMALLINT, NOT_NULL)
                .column("qty", INTEGER, NOT_NULL, serverDefaultValue(0))
                .primaryKey(null, "product_id", "region", "code")
                .foreignKey(List.of("product_id"), "products", List.of("id"),
                        ForeignKeyOptions.defaults().onDelete(ReferentialAction.CASCADE))
                .foreignKey(List.of("region", "code"), "warehouses", List.of("region", "code"), toWarehouse)
                .build();
        Table.Builder all = Table.builder("all_types").metadata(md).column("id", BIGINT, PRIMARY_KEY);
        for (Map.Entry<String, SqlType<?>> e : everyType(db).entrySet()) {
            addColumn(all, e.getKey(), e.getValue());
        }
        all.build();
        return md;
    }

    private static <T> void addColumn(Table.Builder b, String name, SqlType<T> type) {
        if (name.equals("c_varchar")) {
            b.column(name, type, withComment("a comment with 'quotes'"));
        } else {
            b.column(name, type);
        }
    }

    /** One column per type the database can store. */
    private static Map<String, SqlType<?>> everyType(TestDatabase db) {
        Map<String, SqlType<?>> m = new LinkedHashMap<>();
        m.put("c_boolean", SqlTypes.BOOLEAN);
        m.put("c_smallint", SqlTypes.SMALLINT);
        m.put("c_integer", SqlTypes.INTEGER);
        m.put("c_bigint", SqlTypes.BIGINT);
        m.put("c_numeric", SqlTypes.numeric(12, 3));
        m.put("c_numeric_wide", SqlTypes.numeric(30, 10));
        m.put("c_numeric_any", SqlTypes.numeric());
        m.put("c_real", SqlTypes.REAL);
        m.put("c_double", SqlTypes.DOUBLE);
        m.put("c_varchar", SqlTypes.varchar(50));
        m.put("c_text", SqlTypes.TEXT);
        m.put("c_date", SqlTypes.DATE);
        m.put("c_time", SqlTypes.TIME);
        m.put("c_datetime", SqlTypes.DATETIME);
        m.put("c_timestamptz", SqlTypes.TIMESTAMPTZ);
        m.put("c_instant", SqlTypes.INSTANT);
        m.put("c_interval", SqlTypes.INTERVAL);
        m.put("c_binary", SqlTypes.BINARY);
        m.put("c_varbinary", SqlTypes.binary(16));
        m.put("c_uuid", SqlTypes.UUID);
        m.put("c_uuid_bytes", SqlTypes.uuidAsBinary());
        m.put("c_json", SqlTypes.JSON);
        m.put("c_json_text", SqlTypes.jsonText());
        m.put("c_mood", SqlTypes.enumOf("mood", List.of("happy", "it's ok", "sad")));
        if (db.dialect().supports(Capability.ARRAYS)) {
            m.put("c_int_array", SqlTypes.arrayOf(SqlTypes.INTEGER));
            m.put("c_text_array", SqlTypes.arrayOf(SqlTypes.TEXT));
            m.put("c_varchar_array", SqlTypes.arrayOf(SqlTypes.varchar(12)));
        }
        return m;
    }

    // ---- comparison -------------------------------------------------------------------------

    /** Expressions as the databases re-print them: no case, blanks, quotes, parentheses or casts. */
    private static String norm(String sql) {
        if (sql == null) {
            return null;
        }
        return sql.toLowerCase(Locale.ROOT).replaceAll("::[a-z_]+( varying)?", "").replaceAll("[\\s\"`()]", "");
    }

    private static String names(List<Column<?>> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", ", "(", ")"));
    }

    /** What a table definition says that the database keeps, one fact per line. */
    private static List<String> describe(Table t, TestDatabase db) {
        DatabaseKind kind = db.kind();
        boolean comments = db.dialect().supports(Capability.COMMENTS);
        DdlCompiler ddl = db.dialect().newDdlCompiler();
        List<String> out = new ArrayList<>();
        out.add("table " + t.name() + (comments ? " comment=" + t.comment().orElse(null) : ""));
        for (Column<?> c : t.columns()) {
            out.add("column " + c.name() + " " + ddl.columnType(c) + (c.isNullable() ? " NULL" : " NOT NULL")
                    + (c.isAutoincrement() ? " AUTOINCREMENT" : "") + (c.serverDefault().isPresent() ? " DEFAULT" : "")
                    + (comments ? " comment=" + c.comment().orElse(null) : ""));
        }
        t.primaryKey().ifPresent(pk -> out.add("primary key " + names(pk.columns())
                + (kind == DatabaseKind.POSTGRESQL ? " " + pk.name() : "")));
        List<String> constraints = new ArrayList<>();
        for (ForeignKey fk : t.foreignKeys()) {
            constraints.add("foreign key " + fk.name().orElse(null) + " " + names(fk.columns()) + " -> "
                    + fk.referredTableName() + fk.referredColumnNames() + " ON DELETE " + fk.onDelete().sql()
                    + " ON UPDATE " + fk.onUpdate().sql() + (fk.deferrable() ? " DEFERRABLE" : "")
                    + (fk.initiallyDeferred() ? " INITIALLY DEFERRED" : ""));
        }
        for (UniqueConstraint u : t.uniqueConstraints()) {
            constraints.add("unique " + u.name() + " " + names(u.columns()));
        }
        for (Index i : t.indexes()) {
            if (kind == DatabaseKind.MARIADB && i.unique() && i.where() == null) {
                constraints.add("unique " + i.name() + " " + names(i.columns()));
            } else {
                constraints.add("index " + i.name() + (i.unique() ? " UNIQUE " : " ")
                        + i.elements().stream().map(e -> e.isExpression() ? norm(e.expression()) : e.column().name())
                        .collect(Collectors.joining(", ", "(", ")"))
                        + (i.where() == null ? "" : " WHERE " + norm(i.where())));
            }
        }
        for (CheckConstraint ck : t.checkConstraints()) {
            constraints.add("check " + ck.name() + " " + norm(ck.condition()));
        }
        constraints.sort(null);
        out.addAll(constraints);
        return out;
    }

    private static void assertSameTables(MetaData expected, MetaData actual, TestDatabase db) {
        for (String name : TABLES) {
            Table e = expected.table(name).orElseThrow();
            Table a = actual.table(name).orElseThrow(() -> new AssertionError("table " + name + " was not reflected"));
            assertThat(describe(a, db)).as("reflected %s", name).containsExactlyElementsOf(describe(e, db));
        }
    }

    // ---- tests ------------------------------------------------------------------------------

    @EachDatabase
    void definedTablesComeBackEqualAndRecreateFromTheReflection(TestDatabase db) {
        Engine engine = db.engine();
        MetaData defined = define(db);
        defined.createAll(engine);

        MetaData reflected = MetaData.builder().namingConvention(CONVENTION).build();
        List<Table> tables = reflected.reflectAll(engine);
        assertThat(tables).extracting(Table::name).containsExactlyInAnyOrderElementsOf(TABLES);
        assertSameTables(defined, reflected, db);

        // The reflection is a complete definition: drop everything, create it from the reflected
        // tables, and the database holds the same schema again.
        reflected.dropAll(engine);
        try (Connection c = engine.connect()) {
            assertThat(c.inspector().tableNames(null)).isEmpty();
        }
        reflected.createAll(engine);
        MetaData again = new MetaData();
        again.reflectAll(engine);
        assertSameTables(defined, again, db);
        assertSameTables(reflected, again, db);
    }

    /**
     * Columns whose type the database stores like another Retort type's, so that reflection can
     * only give back one of them (the DDL is the same, which {@link #describe} checks).
     */
    private static List<String> lossy(DatabaseKind kind) {
        List<String> always = List.of("c_instant"); // INSTANT and TIMESTAMPTZ differ only in the Java class
        List<String> more = switch (kind) {
            // BYTEA has no length; UUID is native, so the bytes form is not kept.
            case POSTGRESQL -> List.of("c_varbinary", "c_uuid_bytes");
            // DOUBLE for REAL too; DATETIME(6) for both; BIGINT microseconds; DECIMAL(65, 30) is
            // NUMERIC's maximum; ENUM(...) has no type name; JSON is one LONGTEXT type.
            case MARIADB -> List.of("c_real", "c_timestamptz", "c_interval", "c_numeric_any", "c_mood", "c_json_text");
            // BLOB has no length; the enum is a checked VARCHAR named after its column; one JSON_TEXT type.
            default -> List.of("c_varbinary", "c_mood", "c_json_text");
        };
        List<String> out = new ArrayList<>(always);
        out.addAll(more);
        return out;
    }

    @EachDatabase
    void reflectedTypesMapBackToRetortTypes(TestDatabase db) {
        MetaData defined = define(db);
        defined.createAll(db.engine());
        MetaData md = new MetaData();
        Table all = Table.reflect(md, "all_types", db.engine());
        var types = db.dialect().typeCompiler();
        List<String> lossy = lossy(db.kind());
        for (Map.Entry<String, SqlType<?>> e : everyType(db).entrySet()) {
            SqlType<?> actual = all.column(e.getKey()).type();
            assertThat(types.name(actual)).as("DDL type of %s", e.getKey()).isEqualTo(types.name(e.getValue()));
            if (!lossy.contains(e.getKey())) {
                assertThat(actual).as("type of %s", e.getKey()).isEqualTo(e.getValue());
            }
        }
        assertThat(all.column("c_instant").type()).isIn(SqlTypes.TIMESTAMPTZ, SqlTypes.DATETIME);
        assertThat(all.column("c_mood").type()).isEqualTo(SqlTypes.enumOf(
                db.kind() == DatabaseKind.POSTGRESQL ? "mood" : "c_mood", List.of("happy", "it's ok", "sad")));
        Table products = Table.reflect(md, "products", db.engine());
        assertThat(products.column("status").type())
                .isEqualTo(SqlTypes.enumOf("status", List.of("DRAFT", "ACTIVE", "RETIRED")));
        assertThat(products.column("id").type()).as("a key that BIGINT columns refer to").isEqualTo(BIGINT);
    }

    @EachDatabase
    void inspectorReadsColumnsKeysAndComments(TestDatabase db) {
        define(db).createAll(db.engine());
        try (Connection c = db.engine().connect()) {
            Inspector inspector = c.inspector();
            assertThat(inspector.tableNames(null)).containsExactlyInAnyOrderElementsOf(TABLES);
            List<ReflectedColumn> cols = inspector.columns(null, "products");
            assertThat(cols).extracting(ReflectedColumn::name).containsExactly("id", "sku", "name", "category_id",
                    "price", "qty", "status", "note", "description");
            ReflectedColumn id = cols.get(0);
            assertThat(id.autoincrement()).isTrue();
            assertThat(id.nullable()).isFalse();
            assertThat(id.optionalDefault()).isEmpty();
            ReflectedColumn note = cols.get(7);
            assertThat(note.nullable()).isTrue();
            assertThat(note.defaultExpression()).contains("it''s new");
            assertThat(cols.get(5).defaultExpression()).contains("0");
            assertThat(cols.get(1).rawType().toLowerCase(Locale.ROOT)).contains("var", "20");

            assertThat(inspector.primaryKey(null, "stock").orElseThrow().columns())
                    .containsExactly("product_id", "region", "code");
            assertThat(inspector.foreignKeys(null, "stock")).anySatisfy(fk -> {
                assertThat(fk.columns()).containsExactly("region", "code");
                assertThat(fk.referredTable()).isEqualTo("warehouses");
                assertThat(fk.referredColumns()).containsExactly("region", "code");
                assertThat(fk.onDelete()).isEqualTo(ReferentialAction.CASCADE);
                assertThat(fk.onUpdate()).isEqualTo(ReferentialAction.CASCADE);
                assertThat(fk.name()).isEqualTo("fk_stock_region_warehouses");
            });
            assertThat(inspector.foreignKeys(null, "categories")).singleElement().satisfies(fk -> {
                assertThat(fk.referredTable()).isEqualTo("categories");
                assertThat(fk.onDelete()).isEqualTo(ReferentialAction.CASCADE);
            });
            assertThat(inspector.uniqueConstraints(null, "products"))
                    .anySatisfy(u -> assertThat(u.columns()).containsExactly("sku"));
            assertThat(inspector.checkConstraints(null, "products")).singleElement()
                    .satisfies(ck -> assertThat(ck.name()).isEqualTo("ck_products_qty_nonnegative"));
            assertThat(inspector.indexes(null, "products")).anySatisfy(i -> {
                assertThat(i.name()).isEqualTo("ix_products_category_id");
                assertThat(i.columnNames()).containsExactly("category_id");
            });
            if (c.dialect().supports(Capability.COMMENTS)) {
                assertThat(inspector.tableComment(null, "categories")).contains("Product categories, nested");
                assertThat(inspector.columns(null, "all_types")).filteredOn(col -> col.name().equals("c_varchar"))
                        .singleElement().satisfies(col -> assertThat(col.comment()).isEqualTo("a comment with 'quotes'"));
            } else {
                assertThat(inspector.tableComment(null, "categories")).isEmpty();
            }
        }
    }

    @EachDatabase(requires = Capability.EXPRESSION_INDEXES)
    void expressionAndPartialIndexesKeepTheirSql(TestDatabase db) {
        define(db).createAll(db.engine());
        try (Connection c = db.engine().connect()) {
            ReflectedTable products = c.inspector().table(null, "products");
            assertThat(products.indexes()).anySatisfy(i -> {
                assertThat(i.name()).isEqualTo("ix_products_lower_name");
                assertThat(i.elements()).singleElement().satisfies(e -> {
                    assertThat(e.isExpression()).isTrue();
                    assertThat(norm(e.expression())).isEqualTo("lowername");
                });
            });
            assertThat(products.indexes()).anySatisfy(i -> {
                assertThat(i.name()).isEqualTo("ix_products_in_stock");
                assertThat(i.columnNames()).containsExactly("sku");
                assertThat(norm(i.where())).isEqualTo("qty>0");
            });
        }
    }

    @EachDatabase
    void schemaNamesViewsAndViewDefinitions(TestDatabase db) {
        Engine engine = db.engine();
        define(db).createAll(engine);
        try (Connection c = engine.connect()) {
            c.execute(text("CREATE VIEW cheap_products AS SELECT id, name FROM products WHERE price < 10"));
            c.commit();
        }
        try (Connection c = engine.connect()) {
            Inspector inspector = c.inspector();
            String current = inspector.defaultSchema();
            assertThat(current).isNotBlank();
            assertThat(inspector.schemaNames()).contains(current);
            assertThat(inspector.tableNames(current)).containsExactlyInAnyOrderElementsOf(TABLES);
            assertThat(inspector.viewNames(null)).containsExactly("cheap_products");
            assertThat(inspector.tableNames(null)).doesNotContain("cheap_products");
            String definition = inspector.viewDefinition(null, "cheap_products").toLowerCase(Locale.ROOT);
            assertThat(definition).contains("select").contains("products").contains("price").contains("10");
            assertThat(inspector.view(null, "cheap_products").name()).isEqualTo("cheap_products");
            assertThatThrownBy(() -> inspector.table(null, "cheap_products"))
                    .isInstanceOf(NoSuchTableException.class).hasMessageContaining("is a view, not a table");
            assertThatThrownBy(() -> inspector.viewDefinition(null, "no_such_view"))
                    .isInstanceOf(NoSuchTableException.class).hasMessageContaining("View no_such_view")
                    .hasMessageContaining("cheap_products");
        }
        try (Connection c = engine.connect()) {
            c.execute(text("DROP VIEW cheap_products"));
            c.commit();
        }
    }

    @EachDatabase
    void hostileIdentifiersSurviveReflection(TestDatabase db) {
        Engine engine = db.engine();
        String odd = "we\"ird `tbl`; drop";
        String column = "co\"l`1 select";
        MetaData md = MetaData.builder().namingConvention(CONVENTION).build();
        Table.builder(odd).metadata(md)
                .column("id", BIGINT, PRIMARY_KEY)
                .column(column, varchar(40), NOT_NULL)
                .column("order", INTEGER)
                .column("parent id", BIGINT)
                .foreignKey(List.of("parent id"), odd, List.of("id"), ForeignKeyOptions.defaults().name("fk \"self\""))
                .unique("uq `odd`", column)
                .check("ck 'odd'", db.dialect().identifierPreparer().quote("order") + " > 0")
                .index("ix \"odd\"", false, "order")
                .build();
        md.createAll(engine);

        MetaData reflected = MetaData.builder().namingConvention(CONVENTION).build();
        Table t = reflected.reflectAll(engine).get(0);
        assertThat(t.name()).isEqualTo(odd);
        assertThat(describe(t, db)).containsExactlyElementsOf(describe(md.table(odd).orElseThrow(), db));
        try (Connection c = engine.connect()) {
            var ids = c.dialect().identifierPreparer();
            c.execute(text("INSERT INTO " + ids.quote(odd) + " (" + ids.quote(column) + ") VALUES ('x')"));
            assertThat(c.execute(select(t.column(column, String.class)).from(t)).scalar()).isEqualTo("x");
        }
        reflected.dropAll(engine);
        reflected.createAll(engine);
        assertThat(describe(new MetaData().reflect(engine, odd).get(0), db))
                .containsExactlyElementsOf(describe(md.table(odd).orElseThrow(), db));
    }

    @EachDatabase
    void reflectingAMissingTableNamesIt(TestDatabase db) {
        Engine engine = db.engine();
        define(db).createAll(engine);
        MetaData md = new MetaData();
        assertThatThrownBy(() -> Table.reflect(md, "no_such_table", engine))
                .isInstanceOf(NoSuchTableException.class)
                .hasMessageContaining("Table no_such_table does not exist")
                .hasMessageContaining("products")
                .satisfies(e -> assertThat(((NoSuchTableException) e).name()).isEqualTo("no_such_table"));
        assertThatThrownBy(() -> md.reflect(engine, "products", "no_such_table"))
                .isInstanceOf(NoSuchTableException.class);
        assertThat(md.tables()).as("nothing is left half-reflected").isEmpty();
        try (Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.inspector().columns(null, "no_such_table"))
                    .isInstanceOf(NoSuchTableException.class);
            assertThat(c.inspector().hasTable(null, "no_such_table")).isFalse();
            assertThat(c.inspector().hasTable(null, "products")).isTrue();
        }
    }

    @EachDatabase
    void aReflectedTableIsUsableAtOnceWithTheTablesItRefersTo(TestDatabase db) {
        Engine engine = db.engine();
        define(db).createAll(engine);
        try (Connection c = engine.connect()) {
            c.execute(text("INSERT INTO warehouses (region, code) VALUES ('eu', 1)"));
            c.execute(text("INSERT INTO categories (id, name) VALUES (1, 'tools')"));
            c.execute(text("INSERT INTO products (id, sku, name, category_id) VALUES (10, 'H-1', 'hammer', 1)"));
            c.execute(text("INSERT INTO stock (product_id, region, code, qty) VALUES (10, 'eu', 1, 7)"));
            c.commit();
        }
        MetaData md = new MetaData();
        Table stock = Table.reflect(md, "stock", engine);
        assertThat(md.tables()).extracting(Table::name)
                .containsExactlyInAnyOrder("stock", "products", "categories", "warehouses");
        assertThat(stock.foreignKeys()).extracting(fk -> fk.referredTable().name())
                .containsExactlyInAnyOrder("products", "warehouses");
        Table products = md.table("products").orElseThrow();
        try (Connection c = engine.connect()) {
            Column<Integer> qty = stock.column("qty", Integer.class);
            Column<String> name = products.column("name", String.class);
            assertThat(c.execute(select(name, qty).from(stock.join(products))).one().get(qty)).isEqualTo(7);
            assertThat(c.execute(select(products.column("status")).from(products)).scalar()).isEqualTo("DRAFT");
        }
        // Asking again returns the table already reflected; a table defined in code is not replaced.
        assertThat(Table.reflect(md, "products", engine)).isSameAs(products);
        MetaData defined = define(db);
        assertThatThrownBy(() -> defined.reflect(engine, "stock"))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("stock");
    }

    @EachDatabase
    void indexesTheDatabaseMadeForUnnamedForeignKeysAreNotReported(TestDatabase db) {
        Engine engine = db.engine();
        MetaData md = new MetaData();
        Table.builder("zones").metadata(md).column("region", varchar(10), PRIMARY_KEY).column("code", SMALLINT, PRIMARY_KEY)
                .build();
        Table.builder("sites").metadata(md).column("id", BIGINT, PRIMARY_KEY).column("region", varchar(10))
                .column("code", SMALLINT).column("label", varchar(20))
                .foreignKey(List.of("region", "code"), "zones", List.of("region", "code"), ForeignKeyOptions.defaults())
                .index("label", false, "label")
                .build();
        md.createAll(engine);
        try (Connection c = engine.connect()) {
            var sites = c.inspector().table(null, "sites");
            assertThat(sites.foreignKeys()).singleElement().satisfies(fk -> assertThat(fk.columns())
                    .containsExactly("region", "code"));
            assertThat(sites.indexes()).extracting(i -> i.name()).containsExactly("label");
        }
    }
}
