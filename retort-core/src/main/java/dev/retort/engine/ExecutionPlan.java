package dev.retort.engine;

import dev.retort.dialect.CompiledStatement;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.ValueCodec;
import dev.retort.sql.Executable;
import dev.retort.types.SqlType;

import java.util.List;
import java.util.Map;

/**
 * What running one statement shape needs beyond its SQL, worked out at its first execution and
 * kept with the compilation in the engine's {@link StatementCache}: the codec binding each typed
 * placeholder, the codec reading each typed result column, and the result's column labels.
 *
 * <p>All three follow from the cache key: a statement's key holds its parameter and result types
 * (so two statements sharing a plan type their values alike), and the labels of a statement built
 * with the expression language are fixed by its SQL. A text clause's labels are not (its
 * {@code SELECT *} follows the table), nor are those of a statement with parameters where the
 * driver puts the values into the SQL ({@link Dialect#resultLabelsMayShowParameterValues()}), so
 * they are read from each result's metadata.
 *
 * <p>Shared by every connection of the engine: the lazily set fields hold immutable values, so
 * a race only computes one twice.
 */
final class ExecutionPlan {
    /** Codecs of the typed placeholders, by position; a {@code null} entry is bound untyped. */
    record TypedParameters(SqlType<?>[] types, ValueCodec<?>[] codecs) {
    }

    private static final ValueCodec<?>[] UNTYPED = new ValueCodec<?>[0];

    private final CompiledStatement compiled;
    private final Dialect dialect;
    private volatile TypedParameters parameters;
    private volatile boolean parametersKnown;
    private volatile ValueCodec<?>[] readers;
    private volatile List<String> labels;
    private volatile java.util.Set<String> parameterNames;

    ExecutionPlan(CompiledStatement compiled, Dialect dialect) {
        this.compiled = compiled;
        this.dialect = dialect;
    }

    CompiledStatement compiled() {
        return compiled;
    }

    /** @return the distinct parameter names, for checking the keys of a parameter map */
    java.util.Set<String> parameterNames() {
        java.util.Set<String> names = parameterNames;
        if (names == null) {
            names = java.util.Set.copyOf(compiled.parameterNames());
            parameterNames = names;
        }
        return names;
    }

    /**
     * The distinct parameter names in order of first placeholder, and for each placeholder the
     * index of its name there: a value is looked up once per name, however often it is used.
     */
    record Slots(String[] names, int[] slotOf) {
    }

    private volatile Slots slots;

    Slots slots() {
        Slots s = slots;
        if (s == null) {
            List<String> placeholders = compiled.parameterNames();
            java.util.LinkedHashMap<String, Integer> index = new java.util.LinkedHashMap<>();
            int[] slotOf = new int[placeholders.size()];
            for (int i = 0; i < slotOf.length; i++) {
                slotOf[i] = index.computeIfAbsent(placeholders.get(i), k -> index.size());
            }
            s = new Slots(index.keySet().toArray(new String[0]), slotOf);
            slots = s;
        }
        return s;
    }

    /**
     * The codecs of the placeholders the statement types.
     *
     * @param statement a statement of this plan's shape
     * @return the codecs, or {@code null} when no placeholder is typed
     */
    TypedParameters parameters(Executable statement) {
        if (!parametersKnown) {
            parameters = typedParameters(statement);
            parametersKnown = true;
        }
        return parameters;
    }

    private TypedParameters typedParameters(Executable statement) {
        Map<String, SqlType<?>> types = statement.parameterTypes();
        if (types.isEmpty()) {
            return null;
        }
        List<String> names = compiled.parameterNames();
        SqlType<?>[] byPosition = new SqlType<?>[names.size()];
        ValueCodec<?>[] codecs = new ValueCodec<?>[names.size()];
        boolean any = false;
        for (int i = 0; i < byPosition.length; i++) {
            SqlType<?> type = types.get(names.get(i));
            if (type != null) {
                byPosition[i] = type;
                codecs[i] = dialect.codec(type);
                any = true;
            }
        }
        return any ? new TypedParameters(byPosition, codecs) : null;
    }

    /**
     * The codecs of the typed result columns, by position.
     *
     * @param statement a statement of this plan's shape
     * @return the codecs (a {@code null} entry reads untyped); empty when none is typed
     */
    ValueCodec<?>[] readers(Executable statement) {
        ValueCodec<?>[] r = readers;
        if (r == null) {
            List<SqlType<?>> types = statement.resultTypes();
            r = types.isEmpty() ? UNTYPED : new ValueCodec<?>[types.size()];
            for (int i = 0; i < r.length; i++) {
                SqlType<?> type = types.get(i);
                r[i] = type == null ? null : dialect.codec(type);
            }
            readers = r;
        }
        return r;
    }

    /**
     * The result's labels as recorded from an earlier result of this plan, for statements whose
     * SQL fixes them.
     *
     * @return the labels, or {@code null} if they must be read from the result's metadata
     */
    List<String> knownLabels() {
        return labels;
    }

    /**
     * Records the labels of a result, if the statement's SQL fixes them.
     *
     * @param statement the statement that produced them
     * @param read the labels read from the metadata
     */
    void recordLabels(Executable statement, List<String> read) {
        if (compiled.generatedKey() == null && !statement.resultExpressions().isEmpty()
                && !(statement instanceof dev.retort.sql.TextClause)
                && !(dialect.resultLabelsMayShowParameterValues() && !compiled.parameterNames().isEmpty())) {
            labels = read;
        }
    }
}
