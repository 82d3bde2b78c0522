package dev.retort.migrate.cli;

import dev.retort.ConfigurationException;
import dev.retort.engine.Engine;
import dev.retort.migrate.Migrations;
import dev.retort.migrate.lint.LintFinding;
import dev.retort.migrate.lint.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * {@code lint}: what the pending revisions (or, with {@code --dialect}, a range of revisions,
 * without connecting) lock and rewrite, with the online alternative; exits with
 * {@link MigrateCommand#EXIT_FINDINGS} when a finding is at or above {@code --fail-on}, for CI.
 */
@Command(name = "lint", description = "Report what revisions lock and rewrite, and the online alternative; "
        + "exit non-zero on findings at or above --fail-on (for CI).")
final class LintCommand extends MigrateSubcommand {
    @Parameters(paramLabel = "TARGET", defaultValue = "head",
            description = "Online: the target of the upgrade to lint (default head). With --dialect: FROM:TO or TO "
                    + "(from base).")
    String target;

    @Option(names = "--dialect", paramLabel = "SCHEME",
            description = "Lint offline for this database (sqlite, postgresql, mariadb, mysql; the newest server) "
                    + "without connecting.")
    String dialect;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "warning",
            description = "Exit non-zero when a finding is at or above this level: info, warning, error or never "
                    + "(default: ${DEFAULT-VALUE}).")
    String failOn;

    @Override
    public Integer call() {
        Severity threshold = threshold(failOn);
        MigrateConfig settings = settings();
        Migrations migrations = migrations(settings);
        List<LintFinding> findings;
        String where;
        if (dialect != null) {
            OfflineRange range = OfflineRange.parse(target, "lint", "--dialect " + dialect, false);
            var d = OfflineRange.dialect(dialect, settings);
            findings = migrations.lint(d, range.from(), range.to());
            where = d.displayName();
        } else {
            try (Engine engine = engine(settings)) {
                findings = migrations.migrator(engine).lint(target);
                where = "this database";
            }
        }
        new LintReport(out()).print(findings, where);
        boolean fail = threshold != null && findings.stream().anyMatch(f -> f.severity().compareTo(threshold) >= 0);
        return fail ? MigrateCommand.EXIT_FINDINGS : MigrateCommand.EXIT_OK;
    }

    /** The level from {@code --fail-on}; {@code null} for never. */
    static Severity threshold(String text) {
        if (text.strip().equalsIgnoreCase("never")) {
            return null;
        }
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--fail-on " + text + ": use info, warning, error or never.");
        }
    }
}
