package dev.retort.dialect;

import dev.retort.ConfigurationException;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds the dialect for a URL scheme among the registered {@link DialectProvider}s. */
public final class Dialects {
    private static volatile Map<String, DialectProvider> providers;

    private Dialects() {
    }

    /**
     * Makes a dialect for a URL scheme.
     *
     * @param scheme e.g. {@code sqlite}, {@code postgresql}, {@code mariadb}
     * @return a new dialect
     * @throws ConfigurationException if no provider serves the scheme
     */
    public static Dialect forScheme(String scheme) {
        DialectProvider p = providers().get(scheme);
        if (p == null) {
            throw new ConfigurationException("Unknown database URL scheme '" + scheme + "'. Known schemes: "
                    + String.join(", ", providers().keySet()) + ". A dialect for another database registers a "
                    + DialectProvider.class.getName() + " service.");
        }
        return p.create(scheme);
    }

    private static Map<String, DialectProvider> providers() {
        Map<String, DialectProvider> m = providers;
        if (m == null) {
            m = new TreeMap<>();
            for (DialectProvider p : ServiceLoader.load(DialectProvider.class, Dialects.class.getClassLoader())) {
                for (String s : p.schemes()) {
                    m.putIfAbsent(s, p);
                }
            }
            providers = m;
        }
        return m;
    }
}
