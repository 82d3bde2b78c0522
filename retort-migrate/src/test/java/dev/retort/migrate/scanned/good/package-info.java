/** Revisions found by {@code RevisionScanTest}. */
package dev.retort.migrate.scanned.good;
