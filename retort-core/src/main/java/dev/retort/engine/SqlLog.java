package dev.retort.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Logs statements through SLF4J, under the logger {@code dev.retort.engine.sql}: at DEBUG, or at
 * INFO when the engine echoes. Parameter values are replaced by a note when hidden.
 */
final class SqlLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.retort.engine.sql");

    private final boolean echo;
    private final boolean hideParameters;

    SqlLog(boolean echo, boolean hideParameters) {
        this.echo = echo;
        this.hideParameters = hideParameters;
    }

    boolean enabled() {
        return echo ? LOG.isInfoEnabled() : LOG.isDebugEnabled();
    }

    void statement(String sql, List<List<Object>> parameterSets) {
        String params;
        if (parameterSets.isEmpty() || parameterSets.get(0).isEmpty()) {
            params = "[]";
        } else if (hideParameters) {
            params = "[" + parameterSets.get(0).size() + " hidden]";
        } else if (parameterSets.size() == 1) {
            params = parameterSets.get(0).toString();
        } else {
            params = "batch of " + parameterSets.size() + ", first " + parameterSets.get(0);
        }
        log(sql + " " + params);
    }

    void outcome(long nanos, long rowCount) {
        String ms = String.format(java.util.Locale.ROOT, "%.3f ms", nanos / 1e6);
        log(rowCount >= 0 ? "-> " + rowCount + " rows in " + ms : "-> ready in " + ms);
    }

    /** Callers check {@link #enabled()} first, so the message is only built when it is logged. */
    private void log(String message) {
        if (echo) {
            LOG.info(message);
        } else {
            LOG.debug(message);
        }
    }
}
