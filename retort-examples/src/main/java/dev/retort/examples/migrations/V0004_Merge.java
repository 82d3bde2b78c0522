package dev.retort.examples.migrations;

import dev.retort.migrate.Revision;
import dev.retort.migrate.ops.Operations;

// tag::merge[]
/** Joins the two branches; there is nothing left to change. */
public final class V0004_Merge extends Revision {
    public V0004_Merge() {
        super("0004_merge", "Join the ISBN and audio branches", "0003_isbn13", "0003_audio");
    }

    @Override
    public void upgrade(Operations ops) {
    }

    @Override
    public void downgrade(Operations ops) {
    }
}
// end::merge[]
