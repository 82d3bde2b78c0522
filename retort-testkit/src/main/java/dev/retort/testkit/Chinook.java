package dev.retort.testkit;

import dev.retort.engine.Connection;
import dev.retort.engine.Transaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Loads the Chinook sample database (version 1.4.5, {@code shared/datasets/chinook}) into a test
 * run's scratch database: the explicit-id script for the run's database, without its
 * {@code DROP DATABASE}, {@code CREATE DATABASE}, {@code \c} and {@code USE} lines, so the tables
 * land in the run's own schema (PostgreSQL) or database (MariaDB). MariaDB loads with
 * {@code NO_BACKSLASH_ESCAPES}, as the dataset's README says, so that the four track names with a
 * backslash keep it.
 *
 * <p>The dataset folder is {@code RETORT_DATASETS/chinook} when that environment variable (or
 * system property) is set, else the first {@code shared/datasets/chinook} found in the working
 * directory or one of its parents.
 *
 * <p>Table names: SQLite and MariaDB use PascalCase ({@code InvoiceLine}), PostgreSQL snake case
 * ({@code invoice_line}); {@link #name(DatabaseKind, String)} maps one to the other.
 */
public final class Chinook {
    /** The environment variable (or system property) naming the datasets folder. */
    public static final String DATASETS = "RETORT_DATASETS";

    /** The eleven tables, by their SQLite and MariaDB names. */
    public static final List<String> TABLES = List.of("Album", "Artist", "Customer", "Employee", "Genre", "Invoice",
            "InvoiceLine", "MediaType", "Playlist", "PlaylistTrack", "Track");

    private Chinook() {
    }

    /**
     * The folder holding the Chinook scripts.
     *
     * @return the folder
     * @throws IllegalStateException saying where it looked, if it is not found
     */
    public static Path directory() {
        String configured = TestEnvironment.get(DATASETS, null);
        if (configured != null) {
            Path p = Path.of(configured);
            Path chinook = Files.isDirectory(p.resolve("chinook")) ? p.resolve("chinook") : p;
            if (Files.isRegularFile(chinook.resolve("Chinook_Sqlite.sql"))) {
                return chinook;
            }
            throw new IllegalStateException(DATASETS + "=" + configured + " holds no chinook/Chinook_Sqlite.sql. "
                    + "Point it at the shared datasets folder.");
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path chinook = p.resolve("shared").resolve("datasets").resolve("chinook");
            if (Files.isRegularFile(chinook.resolve("Chinook_Sqlite.sql"))) {
                return chinook;
            }
        }
        throw new IllegalStateException("The Chinook dataset was not found: no shared/datasets/chinook in " + start
                + " or any folder above it. Set " + DATASETS + " to the shared datasets folder.");
    }

    /**
     * A table or column name as the database's script spells it.
     *
     * @param kind the database
     * @param pascalCase the SQLite / MariaDB name, e.g. {@code InvoiceLine}
     * @return the same name for PostgreSQL ({@code invoice_line}), else unchanged
     */
    public static String name(DatabaseKind kind, String pascalCase) {
        if (kind != DatabaseKind.POSTGRESQL) {
            return pascalCase;
        }
        return pascalCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The script loaded for a database.
     *
     * @param kind the database
     * @return the script's path
     */
    public static Path script(DatabaseKind kind) {
        String file = switch (kind) {
            case SQLITE_MEMORY, SQLITE_FILE -> "Chinook_Sqlite.sql";
            case POSTGRESQL -> "Chinook_PostgreSql.sql";
            case MARIADB -> "Chinook_MySql.sql";
        };
        return directory().resolve(file);
    }

    /**
     * Creates the eleven Chinook tables with their keys and indexes in the run's database and
     * fills them (15,607 rows), in one transaction where the database has transactional DDL.
     *
     * @param db the test run's database
     */
    public static void load(TestDatabase db) {
        List<String> statements;
        try {
            statements = SqlScript.split(Files.readString(script(db.kind()), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Chinook script for " + db.kind().label(), e);
        }
        try (Connection c = db.engine().connect(); Transaction tx = c.begin()) {
            java.sql.Connection jdbc = c.jdbc();
            String sqlMode = null;
            try (Statement st = jdbc.createStatement()) {
                if (db.kind() == DatabaseKind.MARIADB) {
                    try (ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode")) {
                        rs.next();
                        sqlMode = rs.getString(1);
                    }
                    st.execute("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')");
                }
                try {
                    run(st, statements);
                } finally {
                    if (sqlMode != null) {
                        try (java.sql.PreparedStatement ps = jdbc.prepareStatement("SET SESSION sql_mode = ?")) {
                            ps.setString(1, sqlMode);
                            ps.execute();
                        }
                    }
                }
            }
            tx.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Loading Chinook into " + db.kind().label() + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs DDL one statement at a time and sends the INSERTs as one batch. */
    private static void run(Statement st, List<String> statements) throws SQLException {
        boolean batched = false;
        for (String sql : statements) {
            String head = sql.substring(0, Math.min(sql.length(), 20)).toUpperCase(Locale.ROOT);
            if (head.startsWith("DROP DATABASE") || head.startsWith("CREATE DATABASE") || head.startsWith("USE ")
                    || head.startsWith("\\")) {
                continue;
            }
            if (head.startsWith("INSERT")) {
                st.addBatch(sql);
                batched = true;
            } else {
                if (batched) {
                    st.executeBatch();
                    batched = false;
                }
                st.execute(sql);
            }
        }
        if (batched) {
            st.executeBatch();
        }
    }
}
