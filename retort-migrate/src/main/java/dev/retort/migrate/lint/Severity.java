package dev.retort.migrate.lint;

import java.util.Locale;

/** How much a {@link LintFinding} matters; {@code lint --fail-on} exits non-zero from a level up. */
public enum Severity {
    /** Runs online already; a note, or an explicit form that makes the database refuse rather than degrade. */
    INFO,
    /** Blocks writes (or reads) while the table is scanned or an index built, or rebuilds the table online. */
    WARNING,
    /** Rewrites or copies the whole table while writes (or reads) wait. */
    ERROR;

    /**
     * Reads a level, in any case.
     *
     * @param text {@code info}, {@code warning} or {@code error}
     * @return the level
     * @throws IllegalArgumentException naming the text and the levels, for anything else
     */
    public static Severity parse(String text) {
        if (text != null) {
            for (Severity s : values()) {
                if (s.name().equalsIgnoreCase(text.strip())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("Unknown severity '" + text + "': use info, warning or error.");
    }

    /** @return the level in lower case, as the command line writes it */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
