package dev.retort.migrate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a command goes: {@code head}, {@code heads}, {@code base}, a revision id, or a number of
 * steps ({@code +2}, {@code -1}).
 *
 * @param kind which form
 * @param revision the revision id, for {@link Kind#REVISION}
 * @param steps the signed number of steps, for {@link Kind#RELATIVE}
 */
record Target(Kind kind, String revision, int steps) {
    private static final Pattern RELATIVE = Pattern.compile("([+-])(\\d{1,6})");

    /** The forms of a target. */
    enum Kind { HEAD, HEADS, BASE, REVISION, RELATIVE }

    static Target parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MigrationException("The target is null or blank; give head, heads, base, a revision id, +n or -n.");
        }
        String t = text.strip();
        switch (t) {
            case "head":
                return new Target(Kind.HEAD, null, 0);
            case "heads":
                return new Target(Kind.HEADS, null, 0);
            case "base":
                return new Target(Kind.BASE, null, 0);
            default:
                break;
        }
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(2));
            if (n == 0) {
                throw new MigrationException("The target " + t + " moves no step; give +1 or more, or -1 or more.");
            }
            return new Target(Kind.RELATIVE, null, m.group(1).equals("+") ? n : -n);
        }
        return new Target(Kind.REVISION, t, 0);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case HEAD -> "head";
            case HEADS -> "heads";
            case BASE -> "base";
            case REVISION -> revision;
            case RELATIVE -> (steps > 0 ? "+" : "") + steps;
        };
    }
}
