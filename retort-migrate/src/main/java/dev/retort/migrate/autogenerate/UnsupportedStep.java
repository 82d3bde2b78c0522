package dev.retort.migrate.autogenerate;

/**
 * A difference autogenerate writes no operation for (a primary key that changed, say): the
 * revision carries a comment that says what to write by hand, and {@code check} keeps reporting it.
 */
final class UnsupportedStep extends Step {
    private final String table;
    private final String description;

    UnsupportedStep(String table, String description, String advice) {
        super(Phase.COLUMNS, table);
        this.table = table;
        this.description = description;
        warn("NOT GENERATED: " + description + ". " + advice);
    }

    @Override
    SchemaChange change() {
        return new SchemaChange(SchemaChange.Kind.UNSUPPORTED, table, null, description, null);
    }

    @Override
    Call upgrade(Code code) {
        return null;
    }

    @Override
    Call downgrade(Code code) {
        return null;
    }
}
