/**
 * {@code lint}: what each migration operation locks and rewrites on each database, judged from
 * the recorded revisions without running them, with the online alternative. The rules are data,
 * one table per dialect family ({@link dev.retort.migrate.lint.DialectRules}).
 */
package dev.retort.migrate.lint;
