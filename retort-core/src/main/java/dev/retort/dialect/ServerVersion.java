package dev.retort.dialect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database server's version, as read at first connect or given for offline compilation.
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 * @param text the version as the server reported it
 */
public record ServerVersion(int major, int minor, int patch, String text) implements Comparable<ServerVersion> {
    private static final Pattern NUMBERS = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    /**
     * Stands for "newest": a dialect without a known server version assumes every feature of
     * its database, so that offline compilation produces the modern SQL.
     */
    public static final ServerVersion LATEST = new ServerVersion(Integer.MAX_VALUE, 0, 0, "latest");

    /**
     * Parses the leading {@code major.minor.patch} of a version string such as
     * {@code "15.19 (Debian 15.19-0+deb12u1)"} or {@code "10.11.19-MariaDB-0+deb12u1"}.
     *
     * @param text the version text
     * @return the version
     * @throws IllegalArgumentException if the text holds no version number
     */
    public static ServerVersion parse(String text) {
        Matcher m = NUMBERS.matcher(text == null ? "" : text);
        if (!m.find()) {
            throw new IllegalArgumentException("Not a server version: '" + text + "'");
        }
        return new ServerVersion(Integer.parseInt(m.group(1)),
                m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), text);
    }

    /**
     * Whether this version is at least {@code major.minor}.
     *
     * @param major the major version
     * @param minor the minor version
     * @return {@code true} if this version is the same or newer
     */
    public boolean atLeast(int major, int minor) {
        return this.major > major || (this.major == major && this.minor >= minor);
    }

    @Override
    public int compareTo(ServerVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return this == LATEST ? "latest" : major + "." + minor + "." + patch;
    }
}
