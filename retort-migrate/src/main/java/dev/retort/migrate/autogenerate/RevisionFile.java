package dev.retort.migrate.autogenerate;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What names a revision's source file: its package and class, and the revision's id, message and
 * the ids it revises. Immutable.
 *
 * @param packageName the package, e.g. {@code com.example.migrations}
 * @param className the class, e.g. {@code V20250101120000_AddRatings}
 * @param id the revision id, e.g. {@code 20250101120000_add_ratings}
 * @param message what the revision does
 * @param revises the ids it follows: none for a base, one usually, several for a merge
 */
public record RevisionFile(String packageName, String className, String id, String message, List<String> revises) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    /**
     * Checks the names and copies the list.
     *
     * @param packageName the package
     * @param className the class
     * @param id the revision id
     * @param message what the revision does ({@code null} for none)
     * @param revises the ids it follows
     * @throws IllegalArgumentException if the package or class is no Java name
     */
    public RevisionFile {
        Objects.requireNonNull(packageName, "packageName");
        for (String part : packageName.split("\\.", -1)) {
            if (!IDENTIFIER.matcher(part).matches()) {
                throw new IllegalArgumentException("'" + packageName + "' is not a Java package name");
            }
        }
        if (className == null || !IDENTIFIER.matcher(className).matches()) {
            throw new IllegalArgumentException("'" + className + "' is not a Java class name");
        }
        Objects.requireNonNull(id, "id");
        message = message == null ? "" : message;
        revises = List.copyOf(revises);
    }
}
