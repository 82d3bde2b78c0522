package dev.retort.migrate.ops;

import dev.retort.sql.Executable;

/** Statements and code that work on data: raw SQL, Core statements, bulk inserts, Java code. */
final class DataOperations {
    private DataOperations() {
    }

    /** One statement with its bound values: {@code text(...)}, an INSERT, UPDATE or DELETE. */
    record Execute(Executable statement, String what) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            ctx.statement(statement);
        }

        @Override
        public String describe() {
            return what;
        }
    }

    /** Java code on the migration's connection. */
    record Run(DataMigration work) implements Operation {
        @Override
        public void apply(OperationContext ctx) {
            ctx.sink().run(work);
        }

        @Override
        public String describe() {
            return "run a data migration";
        }
    }
}
