/**
 * Retort Core: schema, the SQL statement tree, dialect compilers, and the Engine that runs
 * statements over JDBC with a HikariCP pool.
 */
module dev.retort.core {
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires org.slf4j;

    exports dev.retort;
    exports dev.retort.types;
    exports dev.retort.sql;
    exports dev.retort.schema;
    exports dev.retort.reflect;
    exports dev.retort.dialect;
    exports dev.retort.dialect.sqlite;
    exports dev.retort.dialect.postgresql;
    exports dev.retort.dialect.mysql;
    exports dev.retort.engine;

    uses dev.retort.dialect.DialectProvider;
    uses dev.retort.sql.StatementFormatter;
    provides dev.retort.sql.StatementFormatter with dev.retort.dialect.DefaultStatementFormatter;
    provides dev.retort.dialect.DialectProvider with
            dev.retort.dialect.sqlite.SqliteDialectProvider,
            dev.retort.dialect.postgresql.PostgresDialectProvider,
            dev.retort.dialect.mysql.MysqlDialectProvider;
}
