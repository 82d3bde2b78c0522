package dev.retort.dialect;

import java.util.Set;

/**
 * A service that makes dialects for URL schemes. Register implementations with
 * {@code provides dev.retort.dialect.DialectProvider with ...} in {@code module-info.java} and in
 * {@code META-INF/services/dev.retort.dialect.DialectProvider}; {@link Dialects} finds them.
 */
public interface DialectProvider {

    /** @return the URL schemes this provider serves, in lower case, e.g. {@code postgresql} */
    Set<String> schemes();

    /**
     * Makes a dialect for a scheme, not yet tied to a server version.
     *
     * @param scheme one of {@link #schemes()}
     * @return a new dialect
     */
    Dialect create(String scheme);
}
