package dev.retort.processor;

import java.util.Set;

/** Names of the generated constants and classes. */
final class Names {

    private Names() {
    }

    /**
     * The constant name of a field or component: its words in upper case, joined by underscores
     * ({@code createdAt} gives {@code CREATED_AT}, {@code httpURL} gives {@code HTTP_URL},
     * {@code address2} gives {@code ADDRESS2}).
     *
     * @param identifier a Java identifier
     * @return the identifier in UPPER_SNAKE_CASE
     */
    static String constantName(String identifier) {
        int[] cps = identifier.codePoints().toArray();
        StringBuilder out = new StringBuilder(identifier.length() + 4);
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (i > 0 && Character.isUpperCase(c) && out.charAt(out.length() - 1) != '_') {
                int previous = cps[i - 1];
                boolean nextIsLower = i + 1 < cps.length && Character.isLowerCase(cps[i + 1]);
                if (Character.isLowerCase(previous) || Character.isDigit(previous)
                        || (Character.isUpperCase(previous) && nextIsLower)) {
                    out.append('_');
                }
            }
            out.appendCodePoint(Character.toUpperCase(c));
        }
        return out.toString();
    }

    /**
     * Appends underscores to a name until it is not taken, and takes it.
     *
     * @param name the wanted name
     * @param taken the names already in use; the returned name is added
     * @return the name, made unique
     */
    static String unique(String name, Set<String> taken) {
        String candidate = name;
        while (!taken.add(candidate)) {
            candidate = candidate + "_";
        }
        return candidate;
    }
}
