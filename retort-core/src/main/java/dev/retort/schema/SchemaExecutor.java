package dev.retort.schema;

import java.util.Collection;
import java.util.List;

/**
 * Something that can create, drop and read tables in a live database: an {@code Engine}. The
 * schema layer defines this interface so that {@code metadata.createAll(engine)} needs no
 * dependency on the engine.
 */
public interface SchemaExecutor {

    /**
     * Creates tables with their constraints, indexes, sequences and enum types, in dependency
     * order, in one transaction where the database has transactional DDL.
     *
     * @param metadata the MetaData the tables belong to
     * @param tables the tables to create
     * @param checkFirst skip tables that already exist
     */
    void createTables(MetaData metadata, Collection<Table> tables, boolean checkFirst);

    /**
     * Drops tables in reverse dependency order, breaking foreign-key cycles first.
     *
     * @param metadata the MetaData the tables belong to
     * @param tables the tables to drop
     * @param checkFirst skip tables that do not exist
     */
    void dropTables(MetaData metadata, Collection<Table> tables, boolean checkFirst);

    /**
     * Reads tables from the database into a MetaData, as {@link Table} objects.
     *
     * @param metadata the MetaData to add them to
     * @param schema the schema to read, or {@code null} for the default
     * @param tableNames the tables to read; empty for all
     * @return the tables read
     */
    List<Table> reflectTables(MetaData metadata, String schema, Collection<String> tableNames);
}
