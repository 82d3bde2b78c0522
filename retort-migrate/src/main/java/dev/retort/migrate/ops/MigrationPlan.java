package dev.retort.migrate.ops;

import dev.retort.dialect.Dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The operations one revision step recorded, ready to render for one dialect. The migration
 * runner records a plan from a revision's {@code upgrade} or {@code downgrade}, asks whether it may
 * rebuild tables (SQLite needs foreign keys off around the transaction then), and runs it into a
 * {@link StatementSink}: the same statements online and offline.
 *
 * <p>Operations render one at a time as the plan runs, so an operation that reads the live schema
 * (a SQLite rebuild) sees the changes of the operations before it.
 */
public final class MigrationPlan {
    private final Dialect dialect;
    private final List<Operation> operations;
    private String running;

    private MigrationPlan(Dialect dialect, List<Operation> operations) {
        this.dialect = dialect;
        this.operations = List.copyOf(operations);
    }

    /**
     * Records the operations a script performs.
     *
     * @param dialect the dialect the plan will be rendered for
     * @param offline whether it will be rendered into an offline script
     * @param script the revision's upgrade or downgrade
     * @return the plan
     */
    public static MigrationPlan record(Dialect dialect, boolean offline, Consumer<Operations> script) {
        Operations ops = new Operations(Objects.requireNonNull(dialect, "dialect"), offline);
        script.accept(ops);
        return new MigrationPlan(dialect, ops.recorded());
    }

    /** @return whether the plan has no operations */
    public boolean isEmpty() {
        return operations.isEmpty();
    }

    /** @return each operation in words, in order */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Operation op : operations) {
            out.add(op.describe());
        }
        return out;
    }

    /**
     * The operations that may lose data (dropped tables and columns, narrowed types), each in
     * words; {@code upgrade} refuses a revision that has any unless destructive changes are allowed.
     *
     * @return e.g. {@code drops column users.nick and its values}; empty when every value is kept
     */
    public List<String> destructiveOperations() {
        List<String> out = new ArrayList<>();
        for (Operation op : operations) {
            op.destructive().ifPresent(out::add);
        }
        return out;
    }

    /**
     * Whether running the plan may rebuild a table on its dialect, so that foreign-key enforcement
     * must be off around the transaction ({@code DdlCompiler.disableForeignKeys()}).
     *
     * @return {@code true} if a rebuild may happen
     */
    public boolean mayRebuildTables() {
        return operations.stream().anyMatch(op -> op.mayRebuild(dialect));
    }

    /**
     * Whether the plan must run without a transaction on its dialect: it has an operation that
     * cannot run inside one (PostgreSQL's CREATE INDEX CONCURRENTLY). The runner then runs the
     * revision statement by statement and records it in the version table afterwards.
     *
     * @return {@code true} to run without a transaction
     */
    public boolean needsNoTransaction() {
        return operations.stream().anyMatch(op -> op.needsNoTransaction(dialect));
    }

    /**
     * The schema changes of each operation on the plan's dialect, described without running them:
     * what {@code lint} judges.
     *
     * @return the changes, in order
     */
    public List<PlannedChange> plannedChanges() {
        List<PlannedChange> out = new ArrayList<>();
        for (Operation op : operations) {
            out.addAll(op.planned(dialect));
        }
        return out;
    }

    /** @return the number of operations recorded */
    public int size() {
        return operations.size();
    }

    /**
     * Renders each operation and sends its statements to the sink; after table rebuilds, the
     * database's foreign-key check runs too (SQLite: {@code PRAGMA foreign_key_check}).
     *
     * @param sink where the statements go
     * @throws OperationException if an operation cannot be carried out
     */
    public void run(StatementSink sink) {
        if (!sink.dialect().name().equals(dialect.name())) {
            throw new IllegalArgumentException("This plan was recorded for " + dialect.displayName()
                    + " but the sink renders for " + sink.dialect().displayName());
        }
        OperationContext ctx = new OperationContext(sink);
        for (Operation op : operations) {
            running = op.describe();
            op.destructive().ifPresent(lost -> sink.comment("DESTRUCTIVE: " + lost));
            op.apply(ctx);
        }
        String check = ctx.ddl().foreignKeyCheck();
        if (ctx.rebuilt() && check != null) {
            running = "the foreign-key check after rebuilding tables";
            sink.check(check, "After rebuilding tables, these rows refer to rows that do not exist "
                    + "(table, rowid, referred table, foreign key number)");
        }
        running = null;
    }

    /** @return the operation that was running when {@link #run} failed, in words */
    public Optional<String> failedOperation() {
        return Optional.ofNullable(running);
    }
}
