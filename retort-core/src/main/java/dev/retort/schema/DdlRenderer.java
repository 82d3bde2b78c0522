package dev.retort.schema;

import java.util.Collection;
import java.util.List;

/**
 * Something that renders DDL for one database without connecting: a {@code Dialect}. Used by
 * {@link MetaData#createScript(DdlRenderer)} for review and for offline migrations.
 */
public interface DdlRenderer {

    /**
     * The statements that create tables, in the order to run them.
     *
     * @param metadata the MetaData the tables belong to
     * @param tables the tables
     * @return one SQL statement per entry, without trailing semicolons
     */
    List<String> createStatements(MetaData metadata, Collection<Table> tables);

    /**
     * The statements that drop tables, in the order to run them.
     *
     * @param metadata the MetaData the tables belong to
     * @param tables the tables
     * @return one SQL statement per entry
     */
    List<String> dropStatements(MetaData metadata, Collection<Table> tables);
}
