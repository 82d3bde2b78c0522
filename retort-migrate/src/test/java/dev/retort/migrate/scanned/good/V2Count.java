package dev.retort.migrate.scanned.good;

/** Counts once. */
public final class V2Count extends CountedRevision {
    public V2Count() {
        super("v2", "Count once", "v1");
    }
}
