/**
 * The {@code retort-migrate} command line, built with picocli: {@code init}, {@code revision}
 * (empty or {@code --autogenerate}d), {@code upgrade}, {@code downgrade} (online, or {@code --sql}
 * offline), {@code current}, {@code history}, {@code heads}, {@code stamp} and {@code check}.
 * {@link dev.retort.migrate.cli.MigrateCommand} is the entry point; settings come from
 * {@code retort-migrate.properties}.
 *
 * <p>Depends on {@code dev.retort.migrate}, {@code dev.retort.migrate.autogenerate}, Retort Core
 * and picocli; nothing depends on it.
 */
package dev.retort.migrate.cli;
