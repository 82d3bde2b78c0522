package dev.retort.migrate.cli;

import dev.retort.migrate.lint.LintFinding;
import dev.retort.migrate.lint.Severity;

import java.io.PrintWriter;
import java.util.List;

/** Writes {@code lint}'s findings for a reader: one block per finding, then a count by level. */
final class LintReport {
    private final PrintWriter out;

    LintReport(PrintWriter out) {
        this.out = out;
    }

    void print(List<LintFinding> findings, String where) {
        if (findings.isEmpty()) {
            out.println("No findings: every change runs online on " + where + ".");
            out.flush();
            return;
        }
        for (LintFinding f : findings) {
            out.println(f.severity().label() + " " + f.revision() + " [" + f.rule() + "] " + f.operation());
            out.println("  lock: " + f.lock() + "; rows: " + f.rewrite().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' '));
            out.println("  " + f.message());
            out.println("  instead: " + f.alternative());
        }
        out.println(findings.size() + (findings.size() == 1 ? " finding" : " findings") + " on " + where + ": "
                + count(findings, Severity.ERROR) + " error, " + count(findings, Severity.WARNING) + " warning, "
                + count(findings, Severity.INFO) + " info.");
        out.flush();
    }

    private static long count(List<LintFinding> findings, Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
