package dev.retort.migrate.cli;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The id and class name of a new revision: a UTC timestamp and the message's words,
 * {@code 20250101120000_add_ratings} and {@code V20250101120000_AddRatings}, so that ids sort by
 * age and files list in order.
 */
final class RevisionNames {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    private static final int MAX_WORDS_LENGTH = 40;

    private RevisionNames() {
    }

    /** A new id: the time now, then the message's words. */
    static String id(String message, Clock clock) {
        String stamp = LocalDateTime.now(clock).format(STAMP);
        String slug = String.join("_", words(message)).toLowerCase(Locale.ROOT);
        if (slug.length() > MAX_WORDS_LENGTH) {
            slug = slug.substring(0, MAX_WORDS_LENGTH).replaceAll("_+$", "");
        }
        return slug.isEmpty() ? stamp : stamp + "_" + slug;
    }

    /** The class for an id: {@code V} and the id's leading digits, then its words in camel case. */
    static String className(String id) {
        int digits = 0;
        while (digits < id.length() && Character.isDigit(id.charAt(digits))) {
            digits++;
        }
        StringBuilder camel = new StringBuilder();
        for (String w : words(id.substring(digits))) {
            camel.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        if (digits == 0) {
            return "Rev" + camel;
        }
        return "V" + id.substring(0, digits) + (camel.length() == 0 ? "" : "_" + camel);
    }

    private static String[] words(String text) {
        String t = text == null ? "" : text.replaceAll("[^A-Za-z0-9]+", " ").strip();
        return t.isEmpty() ? new String[0] : t.split(" ");
    }
}
