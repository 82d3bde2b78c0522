package dev.retort.bench;

import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.sql.SQLException;

/**
 * Hibernate ORM on a benchmark database: a session factory on the trial's HikariCP pool, with
 * the settings Hibernate's documentation gives for speed: JDBC batches of {@value #BATCH_SIZE}
 * (the raw JDBC contender's batch), inserts and updates ordered so that they batch, no
 * second-level cache, no statistics, and the pool's connections already out of auto-commit. Every
 * SQL statement Hibernate prepares goes through a {@link StatementInspector} that counts it.
 */
final class HibernateContender implements AutoCloseable {
    /** The JDBC batch size, and the pooled sequence's increment. */
    static final int BATCH_SIZE = 1000;
    /** The sequence of {@link HibernateRow.Sequenced} (PostgreSQL). */
    static final String SEQUENCE = "bench_row_hibernate_seq";

    static {
        // Hibernate logs its start-up at INFO (through java.util.logging unless told to use SLF4J);
        // the benchmark output is easier to read without it.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("org.slf4j.simpleLogger.log.org.hibernate", "warn");
    }

    final SessionFactory factory;
    /** The entity class of {@code bench_row} on this database. */
    final Class<? extends HibernateRow> rowClass;
    /** Its entity name, for queries. */
    final String rowEntity;
    private long statements;

    HibernateContender(BenchDatabase d) throws SQLException {
        if (d.sqlite()) {
            rowClass = HibernateRow.Identity.class;
            rowEntity = "IdentityRow";
        } else {
            rowClass = HibernateRow.Sequenced.class;
            rowEntity = "SequencedRow";
            try (var st = d.jdbc.createStatement()) {
                st.execute("CREATE SEQUENCE IF NOT EXISTS " + SEQUENCE + " INCREMENT BY " + BATCH_SIZE);
            }
            d.jdbc.commit();
        }
        Configuration cfg = new Configuration()
                .addAnnotatedClass(rowClass)
                .addAnnotatedClass(HibernateParent.class)
                .addAnnotatedClass(HibernateChild.class)
                .setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, BATCH_SIZE)
                .setProperty(AvailableSettings.ORDER_INSERTS, true)
                .setProperty(AvailableSettings.ORDER_UPDATES, true)
                .setProperty(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                .setProperty(AvailableSettings.USE_SECOND_LEVEL_CACHE, false)
                .setProperty(AvailableSettings.GENERATE_STATISTICS, false)
                .setProperty(AvailableSettings.SHOW_SQL, false)
                .setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        if (d.sqlite()) {
            cfg.setProperty(AvailableSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect");
        }
        cfg.getProperties().put(AvailableSettings.DATASOURCE, d.pool());
        cfg.getProperties().put(AvailableSettings.STATEMENT_INSPECTOR, (StatementInspector) sql -> {
            statements++;
            return sql;
        });
        factory = cfg.buildSessionFactory();
    }

    /** A new, unsaved row of this database's entity class. */
    HibernateRow newRow(String name, long amount) {
        HibernateRow row = rowClass == HibernateRow.Identity.class ? new HibernateRow.Identity() : new HibernateRow.Sequenced();
        row.name = name;
        row.amount = amount;
        return row;
    }

    /** The SQL statements Hibernate has prepared so far (benchmarks run on one thread). */
    long statements() {
        return statements;
    }

    @Override
    public void close() {
        factory.close();
    }
}
