package dev.retort.dialect.sqlite;

import dev.retort.dialect.IdentifierPreparer;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQLite's catalog: the {@code pragma_table_info}, {@code pragma_foreign_key_list},
 * {@code pragma_index_list} and {@code pragma_index_xinfo} table functions, plus the
 * {@code CREATE} statements kept in {@code sqlite_master} for what the pragmas do not tell
 * (constraint names, CHECK conditions, index expressions and WHERE clauses).
 *
 * <p>Names are matched without regard to case, as SQLite does; the names returned are as stored.
 * Declared types map back to Retort types by name (the inverse of {@link SqliteTypeCompiler},
 * plus common spellings such as {@code NVARCHAR(n)} and {@code INT}); other names fall back by
 * SQLite's affinity rules. A {@code VARCHAR(n)} column with an unnamed
 * {@code CHECK (col IN ('a', ...))} whose longest label has n characters is read as an enum, as
 * {@link SqliteDdlCompiler} writes one. The single {@code INTEGER} primary key of a rowid table is
 * the rowid, so it is reported as autoincrement and NOT NULL. A rowid is always declared
 * {@code INTEGER}, even for a BIGINT key, so its type is taken from the integer columns whose
 * foreign keys refer to it ({@code INTEGER} when none do), which keeps those keys type-consistent.
 * Stateless and thread-safe.
 */
public class SqliteSchemaReader implements SchemaReader {
    private final IdentifierPreparer ids;

    /**
     * Creates the reader.
     *
     * @param ids the dialect's identifier quoting, for the schema in {@code schema.sqlite_master}
     */
    public SqliteSchemaReader(IdentifierPreparer ids) {
        this.ids = ids;
    }

    private String master(String schema) {
        return schema == null ? "sqlite_master" : ids.quote(schema) + ".sqlite_master";
    }

    private static String schemaArg(String schema) {
        return schema == null ? "main" : schema;
    }

    @Override
    public String defaultSchema(Connection connection) {
        return "main";
    }

    @Override
    public List<String> schemaNames(Connection connection) throws SQLException {
        return strings(connection, "SELECT name FROM pragma_database_list WHERE name <> 'temp' ORDER BY name");
    }

    @Override
    public List<String> tableNames(Connection connection, String schema) throws SQLException {
        return strings(connection, "SELECT name FROM " + master(schema) + " WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    }

    @Override
    public List<String> viewNames(Connection connection, String schema) throws SQLException {
        return strings(connection, "SELECT name FROM " + master(schema) + " WHERE type = 'view' ORDER BY name");
    }

    @Override
    public Optional<String> viewDefinition(Connection connection, String schema, String view) throws SQLException {
        return createSql(connection, schema, "view", view).map(s -> SqliteDdlParser.viewQuery(s[1]));
    }

    /** The stored name and CREATE statement of an object, matched without regard to case. */
    private Optional<String[]> createSql(Connection c, String schema, String type, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, sql FROM " + master(schema)
                + " WHERE type = ? AND name = ? COLLATE NOCASE ORDER BY name = ? DESC")) {
            ps.setString(1, type);
            ps.setString(2, name);
            ps.setString(3, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        }
    }

    private record RawColumn(String name, String type, boolean notNull, String dflt, int pk) {
    }

    @Override
    public Optional<ReflectedTable> table(Connection connection, String schema, String table) throws SQLException {
        if (table.regionMatches(true, 0, "sqlite_", 0, 7)) {
            return Optional.empty();
        }
        Optional<String[]> found = createSql(connection, schema, "table", table);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String name = found.get()[0];
        SqliteDdlParser.TableDefinition def = SqliteDdlParser.parseTable(found.get()[1] == null ? "" : found.get()[1]);

        List<RawColumn> raw = columns(connection, schema, name);
        Map<Integer, String> pkByPosition = new java.util.TreeMap<>();
        for (RawColumn c : raw) {
            if (c.pk() > 0) {
                pkByPosition.put(c.pk(), c.name());
            }
        }
        List<String> pkColumns = new ArrayList<>(pkByPosition.values());
        String rowidColumn = null;
        if (pkColumns.size() == 1 && !def.withoutRowid()) {
            for (RawColumn c : raw) {
                if (c.name().equals(pkColumns.get(0)) && c.type().strip().equalsIgnoreCase("INTEGER")) {
                    rowidColumn = c.name();
                }
            }
        }

        // Checks: the enum checks Retort writes become enum types; the rest are kept.
        Map<String, List<String>> enumLabels = new LinkedHashMap<>();
        List<ReflectedCheckConstraint> checks = new ArrayList<>();
        for (SqliteDdlParser.Constraint k : def.constraints()) {
            if (!k.type().equals("CHECK")) {
                continue;
            }
            if (k.name() == null) {
                String enumColumn = enumColumn(k.check(), raw);
                if (enumColumn != null && !enumLabels.containsKey(enumColumn)) {
                    enumLabels.put(enumColumn, SqliteDdlParser.inListLabels(k.check(), enumColumn));
                    continue;
                }
            }
            checks.add(new ReflectedCheckConstraint(k.name(), k.check()));
        }

        SqlType<?> rowidType = rowidColumn == null ? null : rowidType(connection, schema, name, rowidColumn);
        List<ReflectedColumn> columns = new ArrayList<>();
        for (RawColumn c : raw) {
            SqlType<?> type = enumLabels.containsKey(c.name()) ? SqlTypes.enumOf(c.name(), enumLabels.get(c.name()))
                    : c.name().equals(rowidColumn) ? rowidType : mapType(c.type());
            columns.add(new ReflectedColumn(c.name(), type, c.type(), !c.notNull() && !c.name().equals(rowidColumn),
                    c.dflt(), c.name().equals(rowidColumn), null));
        }

        ReflectedPrimaryKey pk = null;
        if (!pkColumns.isEmpty()) {
            String pkName = null;
            for (SqliteDdlParser.Constraint k : def.constraints()) {
                if (k.type().equals("PRIMARY KEY") && sameNames(k.columns(), pkColumns)) {
                    pkName = k.name();
                }
            }
            pk = new ReflectedPrimaryKey(pkName, pkColumns);
        }

        List<ReflectedForeignKey> fks = foreignKeys(connection, schema, name, def);
        List<ReflectedUniqueConstraint> uniques = new ArrayList<>();
        List<ReflectedIndex> indexes = new ArrayList<>();
        readIndexes(connection, schema, name, def, uniques, indexes);
        return Optional.of(new ReflectedTable(schema, name, null, columns, pk, fks, uniques, checks, indexes));
    }

    /**
     * The type of a rowid key. Its declared type is always {@code INTEGER} (SQLite requires that
     * spelling, and {@link SqliteDdlCompiler} writes it for any autoincrement integer key), so it
     * takes the type of the integer columns whose foreign keys refer to it, keeping those foreign
     * keys type-consistent: {@code BIGINT} when they say {@code BIGINT} (or disagree), else the
     * declared {@code INTEGER}.
     */
    private SqlType<?> rowidType(Connection c, String schema, String table, String column) throws SQLException {
        List<SqlType<?>> referencing = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.type FROM " + master(schema) + " m, "
                + "pragma_foreign_key_list(m.name, ?) f, pragma_table_info(m.name, ?) t "
                + "WHERE m.type = 'table' AND f.\"table\" = ? COLLATE NOCASE AND t.name = f.\"from\" "
                + "AND (f.\"to\" IS NULL OR f.\"to\" = ? COLLATE NOCASE)")) {
            ps.setString(1, schemaArg(schema));
            ps.setString(2, schemaArg(schema));
            ps.setString(3, table);
            ps.setString(4, column);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    referencing.add(mapType(rs.getString(1)));
                }
            }
        }
        if (referencing.isEmpty()) {
            return SqlTypes.INTEGER;
        }
        SqlType<?> first = referencing.get(0);
        boolean integer = first.equals(SqlTypes.SMALLINT) || first.equals(SqlTypes.INTEGER) || first.equals(SqlTypes.BIGINT);
        for (SqlType<?> t : referencing) {
            if (!t.equals(first)) {
                return SqlTypes.BIGINT;
            }
        }
        return integer ? first : SqlTypes.BIGINT;
    }

    private static String enumColumn(String check, List<RawColumn> raw) {
        for (RawColumn c : raw) {
            List<String> labels = SqliteDdlParser.inListLabels(check, c.name());
            if (labels == null) {
                continue;
            }
            DeclaredType t = DeclaredType.parse(c.type());
            int longest = 1;
            for (String l : labels) {
                longest = Math.max(longest, l.length());
            }
            if (t.base().equals("VARCHAR") && Integer.valueOf(longest).equals(t.intArgument(0))) {
                return c.name();
            }
        }
        return null;
    }

    private static List<RawColumn> columns(Connection c, String schema, String table) throws SQLException {
        List<RawColumn> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?, ?) ORDER BY cid")) {
            ps.setString(1, table);
            ps.setString(2, schemaArg(schema));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    out.add(new RawColumn(rs.getString(1), type == null ? "" : type, rs.getInt(3) != 0,
                            rs.getString(4), rs.getInt(5)));
                }
            }
        }
        return out;
    }

    private List<ReflectedForeignKey> foreignKeys(Connection c, String schema, String table,
                                                  SqliteDdlParser.TableDefinition def) throws SQLException {
        record Row(int id, String table, String from, String to, String onUpdate, String onDelete) {
        }
        Map<Integer, List<Row>> byId = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        try (PreparedStatement ps = c.prepareStatement("SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete "
                + "FROM pragma_foreign_key_list(?, ?) ORDER BY id, seq")) {
            ps.setString(1, table);
            ps.setString(2, schemaArg(schema));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new Row(rs.getInt(1), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        List<SqliteDdlParser.Constraint> declared = new ArrayList<>();
        for (SqliteDdlParser.Constraint k : def.constraints()) {
            if (k.type().equals("FOREIGN KEY")) {
                declared.add(k);
            }
        }
        // SQLite numbers foreign keys from the last declared; reversed, they are in declaration order.
        List<ReflectedForeignKey> out = new ArrayList<>();
        Set<SqliteDdlParser.Constraint> used = new HashSet<>();
        for (List<Row> rows : byId.values()) {
            List<String> cols = new ArrayList<>();
            List<String> refs = new ArrayList<>();
            for (Row r : rows) {
                cols.add(r.from());
                refs.add(r.to());
            }
            String target = rows.get(0).table();
            Optional<String[]> targetSql = createSql(c, schema, "table", target);
            if (targetSql.isPresent()) {
                target = targetSql.get()[0];
            }
            if (refs.contains(null)) {
                refs = primaryKeyOf(c, schema, target);
            }
            SqliteDdlParser.Constraint match = null;
            for (SqliteDdlParser.Constraint k : declared) {
                if (!used.contains(k) && sameNames(k.columns(), cols) && k.referredTable().equalsIgnoreCase(rows.get(0).table())) {
                    match = k;
                    break;
                }
            }
            if (match != null) {
                used.add(match);
            }
            out.add(new ReflectedForeignKey(match == null ? null : match.name(), cols, null, target, refs,
                    ReferentialAction.fromSql(rows.get(0).onDelete()), ReferentialAction.fromSql(rows.get(0).onUpdate()),
                    match != null && match.deferrable(), match != null && match.initiallyDeferred()));
        }
        return out;
    }

    private static List<String> primaryKeyOf(Connection c, String schema, String table) throws SQLException {
        Map<Integer, String> pk = new java.util.TreeMap<>();
        for (RawColumn col : columns(c, schema, table)) {
            if (col.pk() > 0) {
                pk.put(col.pk(), col.name());
            }
        }
        return new ArrayList<>(pk.values());
    }

    private void readIndexes(Connection c, String schema, String table, SqliteDdlParser.TableDefinition def,
                             List<ReflectedUniqueConstraint> uniques, List<ReflectedIndex> indexes) throws SQLException {
        record IndexRow(String name, boolean unique, String origin, boolean partial) {
        }
        List<IndexRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?, ?) ORDER BY name")) {
            ps.setString(1, table);
            ps.setString(2, schemaArg(schema));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new IndexRow(rs.getString(1), rs.getInt(2) != 0, rs.getString(3), rs.getInt(4) != 0));
                }
            }
        }
        Set<SqliteDdlParser.Constraint> used = new HashSet<>();
        for (IndexRow r : rows) {
            if ("pk".equals(r.origin())) {
                continue;
            }
            List<Integer> cids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT cid, name FROM pragma_index_xinfo(?, ?) WHERE key = 1 ORDER BY seqno")) {
                ps.setString(1, r.name());
                ps.setString(2, schemaArg(schema));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cids.add(rs.getInt(1));
                        names.add(rs.getString(2));
                    }
                }
            }
            if ("u".equals(r.origin())) {
                String name = null;
                for (SqliteDdlParser.Constraint k : def.constraints()) {
                    if (k.type().equals("UNIQUE") && !used.contains(k) && sameNames(k.columns(), names)) {
                        name = k.name();
                        used.add(k);
                        break;
                    }
                }
                uniques.add(new ReflectedUniqueConstraint(name, names));
                continue;
            }
            SqliteDdlParser.IndexDefinition parsed = createSql(c, schema, "index", r.name())
                    .map(s -> SqliteDdlParser.parseIndex(s[1] == null ? "" : s[1]))
                    .orElse(new SqliteDdlParser.IndexDefinition(List.of(), null));
            List<ReflectedIndex.Element> elements = new ArrayList<>();
            for (int i = 0; i < cids.size(); i++) {
                if (cids.get(i) >= 0 && names.get(i) != null) {
                    elements.add(ReflectedIndex.Element.column(names.get(i)));
                } else if (i < parsed.elements().size()) {
                    elements.add(ReflectedIndex.Element.expression(parsed.elements().get(i)));
                } else {
                    elements.add(ReflectedIndex.Element.expression(cids.get(i) == -1 ? "rowid" : "?"));
                }
            }
            indexes.add(new ReflectedIndex(r.name(), r.unique(), elements, r.partial() ? parsed.where() : null));
        }
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * Maps a declared type back to a Retort type: the names {@link SqliteTypeCompiler} writes,
     * common spellings of the same types, then SQLite's affinity rules for anything else.
     *
     * @param declared the declared type, e.g. {@code NVARCHAR(160)}; empty for none
     * @return the type
     */
    public static SqlType<?> mapType(String declared) {
        DeclaredType t = DeclaredType.parse(declared);
        Integer a0 = t.intArgument(0);
        Integer a1 = t.intArgument(1);
        switch (t.base()) {
            case "BOOLEAN": case "BOOL":
                return SqlTypes.BOOLEAN;
            case "SMALLINT": case "INT2": case "TINYINT":
                return SqlTypes.SMALLINT;
            case "INTEGER": case "INT": case "INT4": case "MEDIUMINT":
                return SqlTypes.INTEGER;
            case "BIGINT": case "INT8": case "UNSIGNED BIG INT":
                return SqlTypes.BIGINT;
            case "NUMERIC": case "DECIMAL": case "DECIMAL_TEXT":
                return numeric(a0, a1);
            case "REAL":
                return SqlTypes.REAL;
            case "DOUBLE": case "DOUBLE PRECISION": case "FLOAT":
                return SqlTypes.DOUBLE;
            case "VARCHAR": case "NVARCHAR": case "CHARACTER VARYING": case "VARYING CHARACTER": case "NATIONAL VARYING CHARACTER":
            case "CHAR": case "NCHAR": case "CHARACTER": case "NATIVE CHARACTER":
                return a0 != null && a0 > 0 ? SqlTypes.varchar(a0) : SqlTypes.TEXT;
            case "TEXT": case "CLOB":
                return SqlTypes.TEXT;
            case "DATE":
                return SqlTypes.DATE;
            case "TIME":
                return SqlTypes.TIME;
            case "DATETIME": case "TIMESTAMP":
                return SqlTypes.DATETIME;
            case "TIMESTAMPTZ":
                return SqlTypes.TIMESTAMPTZ;
            case "INTERVAL":
                return SqlTypes.INTERVAL;
            case "BLOB": case "BYTEA":
                return SqlTypes.BINARY;
            case "VARBINARY": case "BINARY":
                return a0 != null && a0 > 0 ? SqlTypes.binary(a0) : SqlTypes.BINARY;
            case "UUID":
                return SqlTypes.UUID;
            case "UUID_BLOB":
                return SqlTypes.uuidAsBinary();
            case "JSON_TEXT": case "JSON":
                return SqlTypes.JSON;
            default:
                return byAffinity(t.base());
        }
    }

    private static SqlType<?> numeric(Integer precision, Integer scale) {
        if (precision == null || precision < 1 || precision > 1000) {
            return SqlTypes.numeric();
        }
        int s = scale == null ? 0 : scale;
        return s < 0 || s > precision ? SqlTypes.numeric() : SqlTypes.numeric(precision, s);
    }

    /** SQLite's own rules (section 3.1 of its datatype page) for a name Retort does not write. */
    private static SqlType<?> byAffinity(String base) {
        String b = base.toUpperCase(Locale.ROOT);
        if (b.contains("INT")) {
            return SqlTypes.BIGINT;
        }
        if (b.contains("CHAR") || b.contains("CLOB") || b.contains("TEXT")) {
            return SqlTypes.TEXT;
        }
        if (b.isEmpty() || b.contains("BLOB")) {
            return SqlTypes.BINARY;
        }
        if (b.contains("REAL") || b.contains("FLOA") || b.contains("DOUB")) {
            return SqlTypes.DOUBLE;
        }
        return SqlTypes.numeric();
    }
}
