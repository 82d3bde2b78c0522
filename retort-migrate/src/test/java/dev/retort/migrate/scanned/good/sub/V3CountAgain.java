package dev.retort.migrate.scanned.good.sub;

import dev.retort.migrate.scanned.good.CountedRevision;

/** Counts again, from a sub-package. */
public final class V3CountAgain extends CountedRevision {
    public V3CountAgain() {
        super("v3", "Count again", "v2");
    }
}
