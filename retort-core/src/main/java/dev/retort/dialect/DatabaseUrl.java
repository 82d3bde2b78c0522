package dev.retort.dialect;

import dev.retort.ConfigurationException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed database URL in the SQLAlchemy style:
 * {@code scheme://[user[:password]@][host][:port][/database][?name=value&...]}.
 *
 * <ul>
 *   <li>{@code sqlite://} is an in-memory SQLite database; {@code sqlite:///app.db} a file
 *       relative to the working directory; {@code sqlite:////var/data/app.db} an absolute path.</li>
 *   <li>{@code postgresql://user:pass@host:5432/db}, {@code mariadb://...}, {@code mysql://...}.</li>
 * </ul>
 * User, password, database and query values are percent-decoded, so a password with {@code @}
 * or {@code /} in it is written {@code %40} or {@code %2F}. Query parameters are passed to the
 * JDBC driver as connection properties.
 *
 * <p>Immutable. {@link #toString()} masks the password.
 *
 * @param scheme the scheme in lower case, e.g. {@code postgresql}
 * @param user the user name, or {@code null}
 * @param password the password, or {@code null}
 * @param host the host, or {@code null}
 * @param port the port, or {@code null}
 * @param database the database name or, for SQLite, the file path; {@code null} for none
 * @param query the query parameters in order
 */
public record DatabaseUrl(String scheme, String user, String password, String host, Integer port,
                          String database, Map<String, String> query) {

    private static final String EXPECTED = "Expected scheme://user:password@host:port/database, "
            + "e.g. postgresql://app@localhost:5432/shop, or sqlite:///relative.db, sqlite:////absolute.db, sqlite:// (memory)";

    /** Copies the query map. */
    public DatabaseUrl {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /**
     * Parses a URL.
     *
     * @param url the URL text
     * @return the parsed URL
     * @throws ConfigurationException if the URL is malformed; the message shows it with the
     *         password masked
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("The database URL is null or blank. " + EXPECTED);
        }
        int sep = url.indexOf("://");
        if (sep <= 0) {
            throw malformed(url, "no scheme:// at its start");
        }
        String scheme = url.substring(0, sep).toLowerCase(java.util.Locale.ROOT);
        if (!scheme.matches("[a-z][a-z0-9+.-]*")) {
            throw malformed(url, "'" + scheme + "' is not a valid scheme");
        }
        String rest = url.substring(sep + 3);
        // User info comes first and runs to its '@', so a password may hold '/' or '?' (as SQLAlchemy reads it).
        String user = null;
        String password = null;
        int at = userInfoEnd(rest);
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(url, colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
            password = colon < 0 ? null : decode(url, userInfo.substring(colon + 1), "password");
            if (user.isEmpty()) {
                user = null;
            }
        }
        Map<String, String> query = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            parseQuery(url, rest.substring(q + 1), query);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? null : rest.substring(slash + 1);

        String host = null;
        Integer port = null;
        if (!hostPort.isEmpty()) {
            String portText = null;
            if (hostPort.startsWith("[")) {
                int close = hostPort.indexOf(']');
                if (close < 0) {
                    throw malformed(url, "the IPv6 host has no closing ']'");
                }
                host = hostPort.substring(0, close + 1);
                if (close + 1 < hostPort.length()) {
                    if (hostPort.charAt(close + 1) != ':') {
                        throw malformed(url, "unexpected text after the IPv6 host");
                    }
                    portText = hostPort.substring(close + 2);
                }
            } else {
                int colon = hostPort.lastIndexOf(':');
                host = colon < 0 ? hostPort : hostPort.substring(0, colon);
                portText = colon < 0 ? null : hostPort.substring(colon + 1);
            }
            if (host.isEmpty()) {
                host = null;
            }
            if (portText != null) {
                try {
                    port = Integer.parseInt(portText);
                } catch (NumberFormatException e) {
                    throw malformed(url, "port '" + portText + "' is not a number");
                }
                if (port < 1 || port > 65535) {
                    throw malformed(url, "port " + port + " is outside 1-65535");
                }
            }
        }
        String database = path == null || path.isEmpty() ? null : decode(url, path, "database");
        return new DatabaseUrl(scheme, user, password, host, port, database, query);
    }

    /**
     * Where the user info of the text after {@code ://} ends: the first '@' whose prefix is
     * {@code user} or {@code user:password} with no '/' or '?' in the user name; -1 if none.
     */
    private static int userInfoEnd(String rest) {
        int at = rest.indexOf('@');
        if (at < 0) {
            return -1;
        }
        String info = rest.substring(0, at);
        int colon = info.indexOf(':');
        String userPart = colon < 0 ? info : info.substring(0, colon);
        return userPart.indexOf('/') >= 0 || userPart.indexOf('?') >= 0 ? -1 : at;
    }

    private static void parseQuery(String url, String text, Map<String, String> into) {
        if (text.isEmpty()) {
            return;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw malformed(url, "query parameter '" + pair + "' is not name=value");
            }
            into.put(decode(url, pair.substring(0, eq), "query parameter"), decode(url, pair.substring(eq + 1), "query parameter"));
        }
    }

    private static String decode(String url, String s, String what) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(url, "the " + what + " has an invalid %-escape");
        }
    }

    private static ConfigurationException malformed(String url, String why) {
        return new ConfigurationException("Malformed database URL '" + maskPassword(url) + "': " + why + ". " + EXPECTED);
    }

    /**
     * Replaces the password in URL text with {@code ***}, for messages and logs. Works on text
     * that does not parse.
     *
     * @param url URL text
     * @return the text with any password masked
     */
    public static String maskPassword(String url) {
        if (url == null) {
            return null;
        }
        int sep = url.indexOf("://");
        if (sep < 0) {
            // Not a well-formed URL: hide whatever stands between the last ':' and the first '@'.
            int at = url.indexOf('@');
            int colon = at < 0 ? -1 : url.lastIndexOf(':', at);
            return colon < 0 ? url : url.substring(0, colon + 1) + "***" + url.substring(at);
        }
        int start = sep + 3;
        String rest = url.substring(start);
        int at = userInfoEnd(rest);
        int colon = rest.indexOf(':');
        if (at < 0 || colon < 0 || colon > at) {
            return url;
        }
        return url.substring(0, start + colon + 1) + "***" + url.substring(start + at);
    }

    /** @return the host, if the URL names one */
    public Optional<String> hostOptional() {
        return Optional.ofNullable(host);
    }

    /** @return the URL with its password shown as {@code ***} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(scheme).append("://");
        if (user != null) {
            b.append(user);
            if (password != null) {
                b.append(":***");
            }
            b.append('@');
        }
        if (host != null) {
            b.append(host);
        }
        if (port != null) {
            b.append(':').append(port);
        }
        if (database != null) {
            b.append('/').append(database);
        }
        if (!query.isEmpty()) {
            b.append('?');
            boolean first = true;
            for (Map.Entry<String, String> e : query.entrySet()) {
                if (!first) {
                    b.append('&');
                }
                first = false;
                b.append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return b.toString();
    }
}
