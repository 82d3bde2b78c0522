package dev.retort.dialect.mysql;

import dev.retort.IsolationLevel;
import dev.retort.dialect.Capability;
import dev.retort.dialect.ServerVersion;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;

/**
 * MariaDB: MySQL's dialect plus what MariaDB adds, by server version. DELETE ... RETURNING
 * exists since 10.0 and INSERT ... RETURNING since 10.5; UPDATE ... RETURNING does not exist.
 *
 * <p>URLs: {@code mariadb://user:password@host:3306/database?prop=value}.
 */
public class MariaDbDialect extends MysqlDialect {

    /** A dialect for the newest MariaDB, for offline compilation. */
    public MariaDbDialect() {
        this(ServerVersion.LATEST);
    }

    /**
     * A dialect for a given server version.
     *
     * @param version the server version
     */
    public MariaDbDialect(ServerVersion version) {
        super(version, extra(version));
    }

    private static Set<Capability> extra(ServerVersion v) {
        Set<Capability> caps = EnumSet.of(Capability.DELETE_RETURNING);
        if (v.atLeast(10, 3)) {
            caps.add(Capability.SEQUENCES);
        }
        if (v.atLeast(10, 5)) {
            caps.add(Capability.INSERT_RETURNING);
            // RENAME COLUMN arrived in MariaDB 10.5.2, the first stable 10.5 release.
            caps.add(Capability.ALTER_RENAME_COLUMN);
        }
        return caps;
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    protected String productName() {
        return "MariaDB";
    }

    @Override
    protected String listSequencesSql(String schema) {
        return supports(Capability.SEQUENCES) ? "SELECT table_name FROM information_schema.tables WHERE table_type = 'SEQUENCE' "
                + "AND table_schema = COALESCE(?, DATABASE())" : null;
    }

    /** {@code @@transaction_isolation} only exists from MariaDB 11.1; {@code @@tx_isolation} in all. */
    @Override
    public IsolationLevel queryIsolationLevel(Connection connection) throws SQLException {
        return queryIsolation(connection, "SELECT @@tx_isolation");
    }
}
