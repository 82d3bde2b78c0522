package dev.retort.migrate.autogenerate;

import dev.retort.dialect.Capability;
import dev.retort.dialect.Dialect;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.MetaData;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Table;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import dev.retort.types.SqlType;
import dev.retort.types.SqlTypes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.UNIQUE;
import static dev.retort.schema.ColumnOptions.serverDefault;
import static dev.retort.schema.ColumnOptions.serverDefaultValue;
import static dev.retort.schema.ColumnOptions.withComment;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.SMALLINT;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema created from a model compares equal to that model on every database, whatever the
 * database reports back: every column type, defaults of every kind (literals, expressions,
 * booleans, decimals, enum labels), keys of every shape, unique constraints and indexes
 * (expression and partial ones where the database has them), with and without a naming convention.
 */
class NoFalseDifferencesTest {
    enum Status { DRAFT, ACTIVE }

    /** One column per type the database stores. */
    private static Map<String, SqlType<?>> everyType(Dialect d) {
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
        m.put("c_status", SqlTypes.enumOf(Status.class));
        m.put("c_mapped", SqlTypes.varchar(10).map(StringBuilder.class, StringBuilder::new, StringBuilder::toString));
        if (d.supports(Capability.ARRAYS)) {
            m.put("c_int_array", SqlTypes.arrayOf(SqlTypes.INTEGER));
            m.put("c_text_array", SqlTypes.arrayOf(SqlTypes.varchar(12)));
        }
        return m;
    }

    private static <T> void add(Table.Builder b, String name, SqlType<T> type) {
        b.column(name, type);
    }

    private static MetaData model(Dialect d, NamingConvention convention) {
        MetaData md = MetaData.builder().namingConvention(convention).build();
        Table.builder("categories").metadata(md)
                .column("id", BIGINT, PRIMARY_KEY)
                .column("parent_id", BIGINT)
                .column("name", varchar(80), NOT_NULL, withComment("Shown in the menu"))
                .foreignKey(List.of("parent_id"), "categories", List.of("id"),
                        ForeignKeyOptions.defaults().onDelete(ReferentialAction.CASCADE))
                .unique(null, "parent_id", "name")
                .comment("Nested categories")
                .build();
        Table.Builder products = Table.builder("products").metadata(md)
                .column("id", INTEGER, PRIMARY_KEY)
                .column("sku", varchar(20), NOT_NULL, UNIQUE)
                .column("name", varchar(100), NOT_NULL)
                .column("category_id", BIGINT)
                .column("price", SqlTypes.numeric(10, 2), NOT_NULL, serverDefaultValue(new BigDecimal("0.00")))
                .column("discount", SqlTypes.numeric(5, 2), NOT_NULL, serverDefaultValue(0))
                .column("qty", INTEGER, NOT_NULL, serverDefaultValue(0))
                .column("rank", SMALLINT, NOT_NULL, serverDefaultValue((short) -1))
                .column("active", SqlTypes.BOOLEAN, NOT_NULL, serverDefaultValue(true))
                .column("status", SqlTypes.enumOf(Status.class), NOT_NULL, serverDefaultValue(Status.DRAFT))
                .column("note", varchar(200), serverDefaultValue("it's new"))
                .column("added", SqlTypes.TIMESTAMPTZ, serverDefault("CURRENT_TIMESTAMP"))
                .column("since", SqlTypes.DATE, serverDefaultValue(LocalDate.of(2024, 2, 29)))
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
                .build();
        ForeignKeyOptions toWarehouse = ForeignKeyOptions.defaults().onDelete(ReferentialAction.CASCADE)
                .onUpdate(ReferentialAction.RESTRICT);
        if (d.supports(Capability.DEFERRABLE_CONSTRAINTS)) {
            toWarehouse = toWarehouse.deferrable(true);
        }
        Table.builder("stock").metadata(md)
                .column("product_id", INTEGER, NOT_NULL)
                .column("region", varchar(10), NOT_NULL)
                .column("code", SMALLINT, NOT_NULL)
                .primaryKey(null, "product_id", "region", "code")
                .foreignKey(List.of("product_id"), "products", List.of("id"), ForeignKeyOptions.defaults())
                .foreignKey(List.of("region", "code"), "warehouses", List.of("region", "code"), toWarehouse)
                .build();
        Table.Builder all = Table.builder("all_types").metadata(md).column("id", BIGINT, PRIMARY_KEY);
        for (Map.Entry<String, SqlType<?>> e : everyType(d).entrySet()) {
            add(all, e.getKey(), e.getValue());
        }
        all.build();
        return md;
    }

    private static final NamingConvention CONVENTION = NamingConvention.of(Map.of(
            "ix", "ix_%(column_0_label)s",
            "uq", "uq_%(table_name)s_%(column_0N_name)s",
            "ck", "ck_%(table_name)s_%(constraint_name)s",
            "fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk", "pk_%(table_name)s"));

    @EachDatabase
    void aSchemaCreatedFromTheModelHasNoDifferences(TestDatabase db) {
        MetaData md = model(db.dialect(), CONVENTION);
        md.createAll(db.engine());
        SchemaDiff diff = Autogenerate.compare(model(db.dialect(), CONVENTION), db.engine(), AutogenerateOptions.defaults());
        assertThat(diff.describe()).isEmpty();
        assertThat(diff.warnings()).isEmpty();
        assertThat(diff.isEmpty()).isTrue();
    }

    @EachDatabase
    void withoutANamingConventionConstraintsCompareByTheirColumns(TestDatabase db) {
        model(db.dialect(), NamingConvention.none()).createAll(db.engine());
        SchemaDiff diff = Autogenerate.compare(model(db.dialect(), NamingConvention.none()), db.engine(),
                AutogenerateOptions.defaults());
        assertThat(diff.describe()).isEmpty();
    }
}
