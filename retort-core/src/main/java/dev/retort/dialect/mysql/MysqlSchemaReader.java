package dev.retort.dialect.mysql;

import dev.retort.reflect.DeclaredType;
import dev.retort.reflect.ReflectedCheckConstraint;
import dev.retort.reflect.ReflectedColumn;
import dev.retort.reflect.ReflectedForeignKey;
import dev.retort.reflect.ReflectedIndex;
import dev.retort.reflect.ReflectedPrimaryKey;
import dev.retort.reflect.ReflectedTable;
import dev.retort.reflect.ReflectedUniqueConstraint;
import dev.retort.reflect.SchemaReader;
import dev.retort.schema.ReferentialAction;
import dev.retort.types.SqlType;
import dev.retort.types.SqlTypes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MySQL's and MariaDB's catalog, read from {@code information_schema}: {@code COLUMNS}
 * ({@code COLUMN_TYPE} for lengths and ENUM labels, {@code EXTRA} for AUTO_INCREMENT),
 * {@code STATISTICS} for keys and indexes, {@code KEY_COLUMN_USAGE} with
 * {@code REFERENTIAL_CONSTRAINTS} for foreign keys, {@code CHECK_CONSTRAINTS},
 * {@code TABLES.TABLE_COMMENT} and {@code VIEWS}.
 *
 * <p>What the catalog cannot say, and how it is read:
 * <ul>
 *   <li>Primary keys are all named {@code PRIMARY}: the name is reported as {@code null}.</li>
 *   <li>A unique constraint and a unique index are the same thing (a unique key): every unique
 *       key is reported as a unique constraint.</li>
 *   <li>InnoDB makes an index for a foreign key that has none, named after the constraint; an
 *       index with a foreign key's name over its columns is therefore left out.</li>
 *   <li>A foreign key declared without an action reports {@code RESTRICT}, which InnoDB
 *       enforces exactly as {@code NO ACTION}: both are read as {@code NO_ACTION}.</li>
 *   <li>{@code JSON} is {@code LONGTEXT} with a {@code CHECK (json_valid(col))} named after the
 *       column: such a column is read as {@code JSON} and the check is not reported.</li>
 *   <li>{@code ENUM(...)} columns become an enum type named after the column.</li>
 * </ul>
 * Thread-safe; it remembers only whether the server has {@code CHECK_CONSTRAINTS}.
 */
public class MysqlSchemaReader implements SchemaReader {
    private static final String SCHEMA = "COALESCE(?, DATABASE())";

    private final boolean mariaDb;
    private volatile Boolean checkConstraintsView;

    /**
     * Creates the reader.
     *
     * @param mariaDb whether the server is MariaDB, whose {@code COLUMN_DEFAULT} is SQL text
     *                ({@code 'abc'}, {@code current_timestamp()}); MySQL prints a literal string
     *                default without its quotes, and marks expressions {@code DEFAULT_GENERATED}
     */
    public MysqlSchemaReader(boolean mariaDb) {
        this.mariaDb = mariaDb;
    }

    @Override
    public String defaultSchema(Connection connection) throws SQLException {
        List<String> s = strings(connection, "SELECT DATABASE()");
        return s.isEmpty() ? null : s.get(0);
    }

    @Override
    public List<String> schemaNames(Connection connection) throws SQLException {
        return strings(connection, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN "
                + "('information_schema', 'performance_schema', 'mysql', 'sys') ORDER BY SCHEMA_NAME");
    }

    @Override
    public List<String> tableNames(Connection connection, String schema) throws SQLException {
        return strings(connection, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = " + SCHEMA
                + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", schema);
    }

    @Override
    public List<String> viewNames(Connection connection, String schema) throws SQLException {
        return strings(connection, "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = " + SCHEMA
                + " ORDER BY TABLE_NAME", schema);
    }

    @Override
    public Optional<String> viewDefinition(Connection connection, String schema, String view) throws SQLException {
        List<String> s = strings(connection, "SELECT VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = "
                + SCHEMA + " AND TABLE_NAME = ?", schema, view);
        return s.isEmpty() ? Optional.empty() : Optional.of(s.get(0));
    }

    private record RawColumn(String name, String columnType, String dataType, boolean nullable, String dflt,
                             String extra, String comment) {
    }

    @Override
    public Optional<ReflectedTable> table(Connection connection, String schema, String table) throws SQLException {
        String comment;
        try (PreparedStatement ps = connection.prepareStatement("SELECT TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = " + SCHEMA + " AND TABLE_NAME = ? AND TABLE_TYPE = 'BASE TABLE'")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getString(1).equals(table)) {
                    return Optional.empty();
                }
                comment = emptyToNull(rs.getString(2));
            }
        }
        List<RawColumn> raw = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT COLUMN_NAME, COLUMN_TYPE, DATA_TYPE, IS_NULLABLE, "
                + "COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = " + SCHEMA
                + " AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    raw.add(new RawColumn(rs.getString(1), rs.getString(2), rs.getString(3),
                            "YES".equals(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }

        Set<String> jsonColumns = new HashSet<>();
        List<ReflectedCheckConstraint> checks = new ArrayList<>();
        Map<String, RawColumn> byName = new HashMap<>();
        for (RawColumn c : raw) {
            byName.put(c.name(), c);
        }
        if (hasCheckConstraintsView(connection)) {
            // MariaDB names checks per table (CONSTRAINT_1 recurs) and has TABLE_NAME here; MySQL names
            // them per schema and needs TABLE_CONSTRAINTS for the table.
            String sql = mariaDb
                    ? "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
                    + "WHERE CONSTRAINT_SCHEMA = " + SCHEMA + " AND TABLE_NAME = ? ORDER BY CONSTRAINT_NAME"
                    : "SELECT cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS cc "
                    + "JOIN information_schema.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA "
                    + "AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME AND tc.CONSTRAINT_TYPE = 'CHECK' "
                    + "WHERE tc.TABLE_SCHEMA = " + SCHEMA + " AND tc.TABLE_NAME = ? ORDER BY cc.CONSTRAINT_NAME";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, schema);
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        String clause = rs.getString(2).strip();
                        RawColumn c = byName.get(name);
                        if (c != null && c.dataType().equalsIgnoreCase("longtext")
                                && clause.equalsIgnoreCase("json_valid(`" + c.name().replace("`", "``") + "`)")) {
                            jsonColumns.add(c.name());
                        } else {
                            checks.add(new ReflectedCheckConstraint(name, clause));
                        }
                    }
                }
            }
        }

        List<ReflectedColumn> columns = new ArrayList<>();
        for (RawColumn c : raw) {
            SqlType<?> type = jsonColumns.contains(c.name()) ? SqlTypes.JSON : mapType(c.columnType(), c.dataType(), c.name());
            String extra = c.extra() == null ? "" : c.extra().toLowerCase(Locale.ROOT);
            String dflt = c.dflt();
            if (mariaDb && dflt != null && (dflt.equalsIgnoreCase("NULL") || extra.contains("generated"))) {
                dflt = null;
            } else if (!mariaDb && dflt != null && !extra.contains("default_generated") && !isNumeric(c.dataType())) {
                dflt = "'" + dflt.replace("\\", "\\\\").replace("'", "''") + "'";
            }
            columns.add(new ReflectedColumn(c.name(), type, c.columnType(), c.nullable(), dflt,
                    extra.contains("auto_increment"), emptyToNull(c.comment())));
        }

        List<ReflectedForeignKey> fks = foreignKeys(connection, schema, table);
        Set<String> fkNames = new HashSet<>();
        for (ReflectedForeignKey fk : fks) {
            fkNames.add(fk.name());
        }
        ReflectedPrimaryKey pk = null;
        List<ReflectedUniqueConstraint> uniques = new ArrayList<>();
        List<ReflectedIndex> indexes = new ArrayList<>();
        Map<String, List<String>> keyColumns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME "
                + "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = " + SCHEMA + " AND TABLE_NAME = ? "
                + "ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keyColumns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(3));
                    unique.put(rs.getString(1), rs.getInt(2) == 0);
                }
            }
        }
        for (Map.Entry<String, List<String>> e : keyColumns.entrySet()) {
            String name = e.getKey();
            if (name.equals("PRIMARY")) {
                pk = new ReflectedPrimaryKey(null, e.getValue());
            } else if (unique.get(name)) {
                uniques.add(new ReflectedUniqueConstraint(name, e.getValue()));
            } else if (!isForeignKeyIndex(table, name, e.getValue(), fks)) {
                List<ReflectedIndex.Element> elements = new ArrayList<>();
                for (String col : e.getValue()) {
                    elements.add(ReflectedIndex.Element.column(col));
                }
                indexes.add(new ReflectedIndex(name, false, elements, null));
            }
        }
        return Optional.of(new ReflectedTable(schema, table, comment, columns, pk, fks, uniques, checks, indexes));
    }

    private static boolean isNumeric(String dataType) {
        return switch (dataType.toLowerCase(Locale.ROOT)) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "decimal", "numeric", "float", "double",
                 "real", "bit" -> true;
            default -> false;
        };
    }

    /**
     * Whether InnoDB made the index for a foreign key: it names it after the key, or, for a key
     * CREATE TABLE left unnamed (which it names {@code <table>_ibfk_<n>}), after the key's first column.
     */
    private static boolean isForeignKeyIndex(String table, String index, List<String> columns, List<ReflectedForeignKey> fks) {
        for (ReflectedForeignKey fk : fks) {
            boolean named = index.equals(fk.name()) || (fk.name() != null && fk.name().startsWith(table + "_ibfk_")
                    && index.equals(fk.columns().get(0)));
            if (named && columns.size() >= fk.columns().size()
                    && columns.subList(0, fk.columns().size()).equals(fk.columns())) {
                return true;
            }
        }
        return false;
    }

    /** CHECK_CONSTRAINTS exists in MariaDB 10.2+ and MySQL 8.0.16+; asked once per reader. */
    private boolean hasCheckConstraintsView(Connection c) throws SQLException {
        Boolean known = checkConstraintsView;
        if (known == null) {
            known = !strings(c, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                    + "'information_schema' AND TABLE_NAME = 'CHECK_CONSTRAINTS'").isEmpty();
            checkConstraintsView = known;
        }
        return known;
    }

    private static List<ReflectedForeignKey> foreignKeys(Connection c, String schema, String table) throws SQLException {
        record Raw(String name, String column, String refSchema, String refTable, String refColumn, String onUpdate,
                   String onDelete, String ownSchema) {
        }
        Map<String, List<Raw>> byName = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, "
                + "k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE, k.TABLE_SCHEMA "
                + "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
                + "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME "
                + "AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
                + "WHERE k.TABLE_SCHEMA = " + SCHEMA + " AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL "
                + "ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byName.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Raw(rs.getString(1),
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8)));
                }
            }
        }
        List<ReflectedForeignKey> out = new ArrayList<>();
        for (List<Raw> rows : byName.values()) {
            Raw first = rows.get(0);
            out.add(new ReflectedForeignKey(first.name(), rows.stream().map(Raw::column).toList(),
                    first.refSchema().equals(first.ownSchema()) ? null : first.refSchema(), first.refTable(),
                    rows.stream().map(Raw::refColumn).toList(), action(first.onDelete()), action(first.onUpdate()),
                    false, false));
        }
        return out;
    }

    /** InnoDB enforces RESTRICT exactly as NO ACTION, and reports RESTRICT when no action was written. */
    private static ReferentialAction action(String rule) {
        ReferentialAction a = ReferentialAction.fromSql(rule);
        return a == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION : a;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static List<String> strings(Connection c, String sql, String... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * Maps a column type back to a Retort type, the inverse of {@link MysqlTypeCompiler}:
     * {@code tinyint(1)} is BOOLEAN, {@code double} DOUBLE (Retort writes REAL as DOUBLE too, so a
     * REAL column reads back as DOUBLE), {@code float} REAL, {@code longtext} TEXT,
     * {@code datetime(6)} DATETIME (TIMESTAMPTZ is stored the same way), {@code longblob} BINARY,
     * {@code varbinary(n)} {@code binary(n)}, {@code binary(16)} a UUID kept as bytes, {@code uuid}
     * UUID and {@code enum(...)} an enum type named after the column. {@code char(n)} is a
     * {@code varchar(n)}: a fixed-length string says nothing about what it holds, so a
     * {@code char(36)} is not taken for a UUID.
     *
     * @param columnType {@code COLUMN_TYPE}, e.g. {@code decimal(10,2)}, {@code int(11) unsigned}
     * @param dataType {@code DATA_TYPE}, e.g. {@code decimal}
     * @param column the column name, which names an enum type
     * @return the type; {@code TEXT} or {@code BINARY} for a type Retort has no counterpart for
     */
    public static SqlType<?> mapType(String columnType, String dataType, String column) {
        DeclaredType t = DeclaredType.parse(columnType);
        Integer a0 = t.intArgument(0);
        boolean unsigned = t.suffix().contains("UNSIGNED") || t.base().contains("UNSIGNED");
        switch (dataType.toLowerCase(Locale.ROOT)) {
            case "tinyint":
                return Integer.valueOf(1).equals(a0) && !unsigned ? SqlTypes.BOOLEAN : SqlTypes.SMALLINT;
            case "bool": case "boolean":
                return SqlTypes.BOOLEAN;
            case "smallint":
                return unsigned ? SqlTypes.INTEGER : SqlTypes.SMALLINT;
            case "mediumint":
                return SqlTypes.INTEGER;
            case "int": case "integer":
                return unsigned ? SqlTypes.BIGINT : SqlTypes.INTEGER;
            case "bigint":
                return unsigned ? SqlTypes.numeric(20, 0) : SqlTypes.BIGINT;
            case "decimal": case "numeric": {
                Integer scale = t.intArgument(1);
                return a0 == null ? SqlTypes.numeric() : SqlTypes.numeric(a0, scale == null ? 0 : scale);
            }
            case "float":
                return SqlTypes.REAL;
            case "double": case "real": case "double precision":
                return SqlTypes.DOUBLE;
            case "varchar": case "char":
                return a0 != null && a0 > 0 ? SqlTypes.varchar(a0) : SqlTypes.TEXT;
            case "tinytext": case "text": case "mediumtext": case "longtext":
                return SqlTypes.TEXT;
            case "json":
                return SqlTypes.JSON;
            case "date":
                return SqlTypes.DATE;
            case "time":
                return SqlTypes.TIME;
            case "datetime": case "timestamp":
                return SqlTypes.DATETIME;
            case "tinyblob": case "blob": case "mediumblob": case "longblob":
                return SqlTypes.BINARY;
            case "varbinary":
                return a0 != null && a0 > 0 ? SqlTypes.binary(a0) : SqlTypes.BINARY;
            case "binary":
                return Integer.valueOf(16).equals(a0) ? SqlTypes.uuidAsBinary()
                        : a0 != null && a0 > 0 ? SqlTypes.binary(a0) : SqlTypes.BINARY;
            case "uuid":
                return SqlTypes.UUID;
            case "enum":
                return SqlTypes.enumOf(column, labels(t.arguments()));
            case "bit": case "geometry": case "point": case "linestring": case "polygon":
                return SqlTypes.BINARY;
            default:
                return SqlTypes.TEXT;
        }
    }

    /** ENUM labels as COLUMN_TYPE prints them: quotes doubled and backslashes escaped. */
    private static List<String> labels(List<String> arguments) {
        List<String> out = new ArrayList<>();
        for (String a : arguments) {
            String s = a.strip();
            if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
                s = s.substring(1, s.length() - 1);
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '\\' && i + 1 < s.length()) {
                    b.append(s.charAt(++i));
                } else if (ch == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    b.append('\'');
                    i++;
                } else {
                    b.append(ch);
                }
            }
            out.add(b.toString());
        }
        return out;
    }
}
