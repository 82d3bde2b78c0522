/**
 * Autogenerate: {@link dev.retort.migrate.autogenerate.Autogenerate} compares a model's
 * {@link dev.retort.schema.MetaData} with a live database (read through Core's reflection) and
 * returns a {@link dev.retort.migrate.autogenerate.SchemaDiff}; a
 * {@link dev.retort.migrate.autogenerate.RevisionWriter} writes it as the Java source of a revision
 * whose {@code upgrade} closes the gap and whose {@code downgrade} undoes it.
 *
 * <p>Depends on Retort Core's public API and {@code dev.retort.migrate.ops}; never on the ORM, the
 * command line or {@code dev.retort.migrate} itself.
 */
package dev.retort.migrate.autogenerate;
