package dev.retort.migrate.ops;

import dev.retort.dialect.Dialect;

import java.util.List;

/**
 * VALIDATE CONSTRAINT: checks the existing rows against a constraint added NOT VALID (PostgreSQL,
 * without blocking reads or writes); nothing where constraints are checked when added.
 */
record ConstraintValidation(String schema, String table, String name) implements Operation {
    @Override
    public void apply(OperationContext ctx) {
        var ids = ctx.dialect().identifierPreparer();
        ctx.forms().validateConstraint(ids.qualified(schema, table), ids.quote(name)).ifPresent(ctx::ddl);
    }

    @Override
    public List<PlannedChange> planned(Dialect dialect) {
        return List.of(PlannedChange.of(ChangeKind.VALIDATE_CONSTRAINT, table, name, describe()));
    }

    @Override
    public String describe() {
        return "validate constraint " + name + " on " + table;
    }
}
