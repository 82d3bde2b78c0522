package dev.retort.migrate.scanned.good;

import dev.retort.migrate.Revision;
import dev.retort.migrate.ops.Operations;

/** An abstract base the scanner skips; its subclasses are the revisions. */
public abstract class CountedRevision extends Revision {
    protected CountedRevision(String id, String message, String... revises) {
        super(id, message, revises);
    }

    @Override
    public void upgrade(Operations ops) {
        ops.execute("UPDATE counter SET n = n + 1");
    }

    @Override
    public void downgrade(Operations ops) {
        ops.execute("UPDATE counter SET n = n - 1");
    }
}
