package dev.retort.dialect.postgresql;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL's catalog, read from {@code pg_catalog}: {@code format_type} names the column types
 * (mapped back to Retort types, the inverse of {@link PostgresTypeCompiler}), {@code pg_enum}
 * gives an enum type's labels, {@code pg_get_expr} defaults and partial-index conditions,
 * {@code pg_get_indexdef} index expressions, {@code pg_get_constraintdef} CHECK conditions, and
 * {@code obj_description} / {@code col_description} comments. Identity columns and columns whose
 * default draws from a sequence they own (serial) are autoincrement, and that default is not
 * reported. Indexes that back a primary key, unique or exclusion constraint are left out.
 * Stateless and thread-safe.
 */
public class PostgresSchemaReader implements SchemaReader {
    private static final String SCHEMA = "COALESCE(?, current_schema())";

    /** Creates the reader. */
    public PostgresSchemaReader() {
    }

    @Override
    public String defaultSchema(Connection connection) throws SQLException {
        List<String> s = strings(connection, "SELECT current_schema()");
        return s.isEmpty() ? null : s.get(0);
    }

    @Override
    public List<String> schemaNames(Connection connection) throws SQLException {
        return strings(connection, "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                + "AND nspname <> 'information_schema' ORDER BY nspname");
    }

    @Override
    public List<String> tableNames(Connection connection, String schema) throws SQLException {
        return strings(connection, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = " + SCHEMA + " AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname",
                schema);
    }

    @Override
    public List<String> viewNames(Connection connection, String schema) throws SQLException {
        return strings(connection, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = " + SCHEMA + " AND c.relkind IN ('v', 'm') ORDER BY c.relname", schema);
    }

    @Override
    public Optional<String> viewDefinition(Connection connection, String schema, String view) throws SQLException {
        List<String> s = strings(connection, "SELECT pg_get_viewdef(c.oid, true) FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = " + SCHEMA
                + " AND c.relname = ? AND c.relkind IN ('v', 'm')", schema, view);
        return s.isEmpty() ? Optional.empty() : Optional.of(s.get(0).strip().replaceAll(";$", ""));
    }

    @Override
    public Optional<ReflectedTable> table(Connection connection, String schema, String table) throws SQLException {
        long oid;
        String comment;
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.oid, obj_description(c.oid, 'pg_class') "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = " + SCHEMA
                + " AND c.relname = ? AND c.relkind IN ('r', 'p')")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                oid = rs.getLong(1);
                comment = rs.getString(2);
            }
        }
        Map<Integer, String> names = new HashMap<>();
        List<ReflectedColumn> columns = columns(connection, oid, names);
        ReflectedPrimaryKey pk = null;
        List<ReflectedUniqueConstraint> uniques = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, List<String>> keyColumns = new LinkedHashMap<>();
        Map<String, boolean[]> deferral = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT con.conname, con.contype, a.attname, "
                + "con.condeferrable, con.condeferred "
                + "FROM pg_constraint con CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord) "
                + "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
                + "WHERE con.conrelid = ? AND con.contype IN ('p', 'u') ORDER BY con.oid, k.ord")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                    keyColumns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(3));
                    deferral.put(rs.getString(1), new boolean[] {rs.getBoolean(4), rs.getBoolean(5)});
                }
            }
        }
        for (Map.Entry<String, List<String>> e : keyColumns.entrySet()) {
            if (types.get(e.getKey()).equals("p")) {
                pk = new ReflectedPrimaryKey(e.getKey(), e.getValue());
            } else {
                boolean[] d = deferral.get(e.getKey());
                uniques.add(new ReflectedUniqueConstraint(e.getKey(), e.getValue(), d[0], d[1]));
            }
        }
        return Optional.of(new ReflectedTable(schema, table, comment, columns, pk, foreignKeys(connection, oid),
                uniques, checks(connection, oid), indexes(connection, oid)));
    }

    private List<ReflectedColumn> columns(Connection c, long oid, Map<Integer, String> names) throws SQLException {
        record Raw(String name, String type, boolean notNull, String dflt, boolean identity, boolean ownsSequence,
                   String comment, String typtype, String typname, long typid, String elemtyptype, long elemid) {
        }
        List<Raw> raw = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), "
                + "a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity <> '', "
                + "EXISTS (SELECT 1 FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S' "
                + "WHERE dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype IN ('a', 'i')), "
                + "col_description(a.attrelid, a.attnum), t.typtype, t.typname, t.oid, et.typtype, COALESCE(et.oid, 0) "
                + "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                + "LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A' "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getInt(1), rs.getString(2));
                    raw.add(new Raw(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getBoolean(6),
                            rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11),
                            rs.getString(12), rs.getLong(13)));
                }
            }
        }
        List<ReflectedColumn> out = new ArrayList<>();
        for (Raw r : raw) {
            SqlType<?> type;
            if ("e".equals(r.typtype())) {
                type = SqlTypes.enumOf(r.typname(), enumLabels(c, r.typid()));
            } else if (r.elemid() != 0 && r.type().endsWith("[]")) {
                String element = r.type().substring(0, r.type().length() - 2);
                while (element.endsWith("[]")) {
                    element = element.substring(0, element.length() - 2);
                }
                SqlType<?> elementType = "e".equals(r.elemtyptype())
                        ? SqlTypes.enumOf(typeName(c, r.elemid()), enumLabels(c, r.elemid())) : mapType(element);
                type = SqlTypes.arrayOf(elementType);
            } else {
                type = mapType(r.type());
            }
            boolean autoincrement = r.identity() || (r.ownsSequence() && r.dflt() != null && r.dflt().startsWith("nextval("));
            String dflt = autoincrement ? null : r.dflt();
            out.add(new ReflectedColumn(r.name(), type, r.type(), !r.notNull(), dflt, autoincrement, r.comment()));
        }
        return out;
    }

    private static List<String> enumLabels(Connection c, long typid) throws SQLException {
        List<String> labels = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT enumlabel FROM pg_enum WHERE enumtypid = ? ORDER BY enumsortorder")) {
            ps.setLong(1, typid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    labels.add(rs.getString(1));
                }
            }
        }
        return labels;
    }

    private static String typeName(Connection c, long typid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT typname FROM pg_type WHERE oid = ?")) {
            ps.setLong(1, typid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : String.valueOf(typid);
            }
        }
    }

    private static List<ReflectedForeignKey> foreignKeys(Connection c, long oid) throws SQLException {
        record Raw(String name, String column, String refSchema, String refTable, String refColumn, String onUpdate,
                   String onDelete, boolean deferrable, boolean deferred, boolean sameSchema) {
        }
        Map<String, List<Raw>> byName = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT con.conname, a.attname, rn.nspname, rc.relname, ra.attname, "
                + "con.confupdtype, con.confdeltype, con.condeferrable, con.condeferred, rc.relnamespace = con.connamespace "
                + "FROM pg_constraint con "
                + "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, refnum, ord) "
                + "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
                + "JOIN pg_class rc ON rc.oid = con.confrelid JOIN pg_namespace rn ON rn.oid = rc.relnamespace "
                + "JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refnum "
                + "WHERE con.conrelid = ? AND con.contype = 'f' ORDER BY con.oid, k.ord")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byName.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Raw(rs.getString(1),
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), rs.getBoolean(10)));
                }
            }
        }
        List<ReflectedForeignKey> out = new ArrayList<>();
        for (List<Raw> rows : byName.values()) {
            Raw first = rows.get(0);
            out.add(new ReflectedForeignKey(first.name(), rows.stream().map(Raw::column).toList(),
                    first.sameSchema() ? null : first.refSchema(), first.refTable(),
                    rows.stream().map(Raw::refColumn).toList(), action(first.onDelete()), action(first.onUpdate()),
                    first.deferrable(), first.deferred()));
        }
        return out;
    }

    private static ReferentialAction action(String code) {
        return switch (code) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private static List<ReflectedCheckConstraint> checks(Connection c, long oid) throws SQLException {
        List<ReflectedCheckConstraint> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT conname, pg_get_constraintdef(oid, true) FROM pg_constraint "
                + "WHERE conrelid = ? AND contype = 'c' ORDER BY oid")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReflectedCheckConstraint(rs.getString(1), checkCondition(rs.getString(2))));
                }
            }
        }
        return out;
    }

    /** {@code CHECK (a > 0) NOT VALID} becomes {@code a > 0}. */
    static String checkCondition(String definition) {
        String d = definition.strip();
        if (d.endsWith(" NOT VALID")) {
            d = d.substring(0, d.length() - " NOT VALID".length()).strip();
        }
        if (d.endsWith(" NO INHERIT")) {
            d = d.substring(0, d.length() - " NO INHERIT".length()).strip();
        }
        if (d.startsWith("CHECK (") && d.endsWith(")")) {
            d = d.substring("CHECK (".length(), d.length() - 1);
        }
        return d.strip();
    }

    private static List<ReflectedIndex> indexes(Connection c, long oid) throws SQLException {
        record Raw(String name, boolean unique, String where, int attnum, String column, String definition) {
        }
        Map<String, List<Raw>> byName = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ic.relname, i.indisunique, pg_get_expr(i.indpred, i.indrelid, true), "
                + "k.attnum, a.attname, pg_get_indexdef(i.indexrelid, k.ord::int, true) "
                + "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                + "CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
                + "LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0 "
                + "WHERE i.indrelid = ? AND NOT i.indisprimary AND k.ord <= i.indnkeyatts "
                + "AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid "
                + "AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')) "
                + "ORDER BY ic.relname, k.ord")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byName.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Raw(rs.getString(1),
                            rs.getBoolean(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        List<ReflectedIndex> out = new ArrayList<>();
        for (List<Raw> rows : byName.values()) {
            List<ReflectedIndex.Element> elements = new ArrayList<>();
            for (Raw r : rows) {
                elements.add(r.attnum() > 0 && r.column() != null ? ReflectedIndex.Element.column(r.column())
                        : ReflectedIndex.Element.expression(r.definition()));
            }
            out.add(new ReflectedIndex(rows.get(0).name(), rows.get(0).unique(), elements, rows.get(0).where()));
        }
        return out;
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
     * Maps a type as {@code format_type} prints it back to a Retort type, the inverse of
     * {@link PostgresTypeCompiler}. Enum and array types are resolved by the caller.
     *
     * @param formatted e.g. {@code character varying(40)}, {@code numeric(10,2)}, {@code timestamp with time zone}
     *                  (the short spellings {@code varchar(40)}, {@code int4}, {@code timestamptz} are read too)
     * @return the type; {@code TEXT} for a type Retort has no counterpart for
     */
    public static SqlType<?> mapType(String formatted) {
        DeclaredType t = DeclaredType.parse(formatted);
        Integer a0 = t.intArgument(0);
        String suffix = t.suffix();
        switch (t.base()) {
            case "BOOLEAN": case "BOOL":
                return SqlTypes.BOOLEAN;
            case "SMALLINT": case "INT2":
                return SqlTypes.SMALLINT;
            case "INTEGER": case "INT": case "INT4":
                return SqlTypes.INTEGER;
            case "BIGINT": case "INT8":
                return SqlTypes.BIGINT;
            case "NUMERIC": case "DECIMAL":
                if (a0 == null) {
                    return SqlTypes.numeric();
                }
                Integer scale = t.intArgument(1);
                return SqlTypes.numeric(a0, scale == null ? 0 : scale);
            case "REAL": case "FLOAT4":
                return SqlTypes.REAL;
            case "DOUBLE PRECISION": case "FLOAT8":
                return SqlTypes.DOUBLE;
            case "CHARACTER VARYING": case "VARCHAR": case "CHARACTER": case "CHAR": case "BPCHAR":
                return a0 != null ? SqlTypes.varchar(a0) : SqlTypes.TEXT;
            case "TEXT":
                return SqlTypes.TEXT;
            case "DATE":
                return SqlTypes.DATE;
            case "TIME": case "TIME WITHOUT TIME ZONE":
                return suffix.isEmpty() || suffix.equals("WITHOUT TIME ZONE") ? SqlTypes.TIME : SqlTypes.TEXT;
            case "TIMESTAMP": case "TIMESTAMP WITHOUT TIME ZONE":
                return suffix.equals("WITH TIME ZONE") ? SqlTypes.TIMESTAMPTZ : SqlTypes.DATETIME;
            case "TIMESTAMP WITH TIME ZONE": case "TIMESTAMPTZ":
                return SqlTypes.TIMESTAMPTZ;
            case "INTERVAL":
                return SqlTypes.INTERVAL;
            case "BYTEA":
                return SqlTypes.BINARY;
            case "UUID":
                return SqlTypes.UUID;
            case "JSONB":
                return SqlTypes.JSON;
            case "JSON":
                return SqlTypes.jsonText();
            default:
                if (t.base().startsWith("INTERVAL")) {
                    return SqlTypes.INTERVAL;
                }
                return SqlTypes.TEXT;
        }
    }
}
