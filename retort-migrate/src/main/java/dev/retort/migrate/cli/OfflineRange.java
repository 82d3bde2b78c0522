package dev.retort.migrate.cli;

import dev.retort.ConfigurationException;
import dev.retort.dialect.DatabaseUrl;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;

/**
 * The range of an offline ({@code --sql}) command, {@code from:to} (the applied head(s), comma
 * separated, or {@code base}; then the target), and the dialect to render for: the one
 * {@code --dialect} names, or the configured URL's scheme, made without connecting.
 *
 * @param from where the database is
 * @param to the target
 */
record OfflineRange(String from, String to) {

    /**
     * Reads {@code FROM:TO} or {@code TO}.
     *
     * @param target the command's argument
     * @param command the command's name, for messages
     * @param option the option that makes the command offline, for messages: {@code --sql} or
     *               {@code --dialect postgresql}
     * @param fromRequired whether {@code FROM} must be given
     * @return the range; {@code from} is {@code base} when left out
     */
    static OfflineRange parse(String target, String command, String option, boolean fromRequired) {
        int colon = target.indexOf(':');
        if (colon < 0) {
            if (fromRequired) {
                throw new ConfigurationException("Offline, " + command + " needs the revision(s) the database is at: "
                        + command + " FROM:TO " + option + ", e.g. " + command + " 0003_orders:base " + option + ".");
            }
            return new OfflineRange("base", target);
        }
        String from = target.substring(0, colon).strip();
        String to = target.substring(colon + 1).strip();
        if (from.isEmpty() || to.isEmpty()) {
            throw new ConfigurationException(command + " " + target + " " + option
                    + ": write FROM:TO, e.g. base:head.");
        }
        return new OfflineRange(from, to);
    }

    /** The dialect named by {@code --dialect}, else by the configured URL's scheme; made without connecting (newest server). */
    static Dialect dialect(String scheme, MigrateConfig settings) {
        return Dialects.forScheme(scheme != null ? scheme : DatabaseUrl.parse(settings.url()).scheme());
    }
}
