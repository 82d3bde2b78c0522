package dev.retort.migrate.cli;

import dev.retort.migrate.autogenerate.AutogenerateOptions;
import dev.retort.migrate.autogenerate.SchemaObject;
import dev.retort.schema.ForeignKeyOptions;
import dev.retort.schema.MetaData;
import dev.retort.schema.NamingConvention;
import dev.retort.schema.Table;

import java.util.List;
import java.util.Map;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.serverDefaultValue;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.TEXT;
import static dev.retort.types.SqlTypes.varchar;

/** The models the command-line tests name in {@code model=}: a first version, and a second that changes it. */
public final class CliModel {
    private CliModel() {
    }

    private static MetaData metadata() {
        return MetaData.builder().namingConvention(NamingConvention.of(Map.of("fk", "fk_%(table_name)s_%(column_0_name)s",
                "ix", "ix_%(column_0_label)s"))).build();
    }

    /** Authors and notes. */
    public static final MetaData V1 = v1();

    private static MetaData v1() {
        MetaData md = metadata();
        Table.builder("authors").metadata(md).column("id", BIGINT, PRIMARY_KEY).column("name", varchar(80), NOT_NULL).build();
        Table.builder("notes").metadata(md).column("id", BIGINT, PRIMARY_KEY).column("author_id", BIGINT, NOT_NULL)
                .column("body", TEXT).column("draft", varchar(200))
                .foreignKey(List.of("author_id"), "authors", List.of("id"), ForeignKeyOptions.defaults())
                .index(null, false, "author_id").build();
        return md;
    }

    /**
     * The second version: notes gain a score and lose their draft; the model also holds a table
     * the options ignore.
     *
     * @return the model
     */
    public static MetaData v2() {
        MetaData md = metadata();
        Table.builder("authors").metadata(md).column("id", BIGINT, PRIMARY_KEY).column("name", varchar(80), NOT_NULL).build();
        Table.builder("notes").metadata(md).column("id", BIGINT, PRIMARY_KEY).column("author_id", BIGINT, NOT_NULL)
                .column("body", TEXT).column("score", INTEGER, NOT_NULL, serverDefaultValue(0))
                .foreignKey(List.of("author_id"), "authors", List.of("id"), ForeignKeyOptions.defaults())
                .index(null, false, "author_id").build();
        Table.builder("scratch").metadata(md).column("id", BIGINT, PRIMARY_KEY).build();
        return md;
    }

    /** Options that leave the scratch table alone. */
    public static final AutogenerateOptions OPTIONS = AutogenerateOptions.defaults()
            .ignore(o -> o.kind() == SchemaObject.Kind.TABLE && o.name().equals("scratch"));
}
