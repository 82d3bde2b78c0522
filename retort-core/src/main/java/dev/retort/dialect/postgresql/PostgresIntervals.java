package dev.retort.dialect.postgresql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLDataException;
import java.time.Duration;
import java.util.Locale;

/**
 * Writes a {@link Duration} as PostgreSQL interval input and reads PostgreSQL's interval output.
 *
 * <p>Written: {@code [-]H:MM:SS[.ffffff]}, the whole duration in the time field (hours may exceed
 * 24), since a Duration is an exact length of time and PostgreSQL treats {@code 1 day} as a
 * calendar day. Read: every {@code IntervalStyle} the server may be set to: {@code postgres} (the
 * default, {@code 1 year 2 mons 3 days -04:05:06.5}), {@code postgres_verbose}
 * ({@code @ 1 day 2 hours ago}), {@code sql_standard} ({@code 1-2 3 4:05:06}) and
 * {@code iso_8601} ({@code P1Y2M3DT4H5M6.5S}). Calendar fields convert as PostgreSQL's
 * {@code EXTRACT(EPOCH FROM ...)} does: a day is 24 hours, a month 30 days, a year 365.25 days.
 */
final class PostgresIntervals {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    private static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;
    private static final long MICROS_PER_MONTH = 30 * MICROS_PER_DAY;
    private static final long MICROS_PER_YEAR = 365 * MICROS_PER_DAY + MICROS_PER_DAY / 4;

    private PostgresIntervals() {
    }

    /**
     * PostgreSQL input for a number of microseconds.
     *
     * @param micros the length of time
     * @return e.g. {@code -26:03:04.500000}
     */
    static String format(long micros) {
        StringBuilder sb = new StringBuilder(24);
        // Long.MIN_VALUE has no positive counterpart; go through the unsigned digits instead.
        if (micros < 0) {
            sb.append('-');
        }
        BigInteger abs = BigInteger.valueOf(micros).abs();
        BigInteger[] hours = abs.divideAndRemainder(BigInteger.valueOf(MICROS_PER_HOUR));
        long rest = hours[1].longValue();
        sb.append(hours[0]).append(':');
        two(sb, rest / MICROS_PER_MINUTE);
        rest %= MICROS_PER_MINUTE;
        sb.append(':');
        two(sb, rest / MICROS_PER_SECOND);
        long fraction = rest % MICROS_PER_SECOND;
        if (fraction != 0) {
            String digits = Long.toString(fraction);
            sb.append('.').append("000000", 0, 6 - digits.length()).append(digits);
        }
        return sb.toString();
    }

    private static void two(StringBuilder sb, long v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    /**
     * Reads PostgreSQL's interval output in any {@code IntervalStyle}.
     *
     * @param text the interval as the server printed it
     * @return the duration
     * @throws SQLDataException (22007) if the text is no interval Retort can read
     */
    static Duration parse(String text) throws SQLDataException {
        String s = text.trim();
        try {
            BigInteger micros = s.startsWith("P") || s.startsWith("-P") ? parseIso(s) : parseFields(s);
            BigInteger[] parts = micros.divideAndRemainder(BigInteger.valueOf(MICROS_PER_SECOND));
            long seconds = parts[0].longValueExact();
            long fraction = parts[1].longValue();
            return Duration.ofSeconds(seconds, fraction * 1_000L);
        } catch (ArithmeticException | NumberFormatException | IndexOutOfBoundsException e) {
            SQLDataException error = new SQLDataException("Cannot read PostgreSQL interval '" + text + "' as a Duration: "
                    + e.getMessage(), "22007");
            error.initCause(e);
            throw error;
        }
    }

    /** The {@code postgres}, {@code postgres_verbose} and {@code sql_standard} styles. */
    private static BigInteger parseFields(String s) {
        String[] tokens = s.split("\\s+");
        BigInteger total = BigInteger.ZERO;
        boolean ago = false;
        boolean sqlStandard = false;
        boolean laterSigns = false;
        int firstSign = 0;
        int fields = 0;
        BigInteger[] values = new BigInteger[tokens.length];
        int count = 0;
        for (int i = 0; i < tokens.length; i++) {
            String tok = tokens[i];
            if (tok.isEmpty() || tok.equals("@")) {
                continue;
            }
            if (tok.equalsIgnoreCase("ago")) {
                ago = true;
                continue;
            }
            boolean signed = tok.charAt(0) == '+' || tok.charAt(0) == '-';
            if (fields == 0) {
                firstSign = tok.charAt(0) == '-' ? -1 : 1;
            } else if (signed) {
                laterSigns = true;
            }
            fields++;
            BigInteger v;
            if (tok.indexOf(':') >= 0) {
                v = time(tok);
            } else if (tok.indexOf('-', 1) > 0) {
                // sql_standard years-months, e.g. 1-2 or -1-2
                sqlStandard = true;
                int dash = tok.indexOf('-', 1);
                int sign = tok.charAt(0) == '-' ? -1 : 1;
                long years = Math.abs(Long.parseLong(tok.substring(0, dash)));
                long months = Long.parseLong(tok.substring(dash + 1));
                v = BigInteger.valueOf(years).multiply(BigInteger.valueOf(MICROS_PER_YEAR))
                        .add(BigInteger.valueOf(months).multiply(BigInteger.valueOf(MICROS_PER_MONTH)))
                        .multiply(BigInteger.valueOf(sign));
            } else if (i + 1 < tokens.length && Character.isLetter(tokens[i + 1].charAt(0))
                    && !tokens[i + 1].equalsIgnoreCase("ago")) {
                v = new BigDecimal(tok).multiply(BigDecimal.valueOf(unit(tokens[++i])))
                        .setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
            } else {
                // sql_standard days without a unit
                sqlStandard = true;
                v = new BigDecimal(tok).multiply(BigDecimal.valueOf(MICROS_PER_DAY)).toBigIntegerExact();
            }
            values[count++] = v;
        }
        if (fields == 0) {
            throw new NumberFormatException("no fields");
        }
        for (int k = 0; k < count; k++) {
            BigInteger v = values[k];
            // sql_standard prints one leading sign for all fields unless their signs differ.
            if (sqlStandard && !laterSigns && firstSign < 0 && k > 0) {
                v = v.negate();
            }
            total = total.add(v);
        }
        return ago ? total.negate() : total;
    }

    private static long unit(String word) {
        String u = word.toLowerCase(Locale.ROOT);
        if (u.startsWith("mon")) {
            return MICROS_PER_MONTH;
        }
        if (u.startsWith("millis") || u.equals("ms") || u.startsWith("msec")) {
            return 1_000L;
        }
        if (u.startsWith("mic") || u.equals("us")) {
            return 1L;
        }
        if (u.startsWith("min")) {
            return MICROS_PER_MINUTE;
        }
        switch (u.charAt(0)) {
            case 'y': return MICROS_PER_YEAR;
            case 'w': return 7 * MICROS_PER_DAY;
            case 'd': return MICROS_PER_DAY;
            case 'h': return MICROS_PER_HOUR;
            case 's': return MICROS_PER_SECOND;
            default: throw new NumberFormatException("unknown unit '" + word + "'");
        }
    }

    /** {@code [+-]H:MM[:SS[.ffffff]]}; the sign applies to the whole time. */
    private static BigInteger time(String tok) {
        int sign = tok.charAt(0) == '-' ? -1 : 1;
        String body = tok.charAt(0) == '-' || tok.charAt(0) == '+' ? tok.substring(1) : tok;
        String[] parts = body.split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw new NumberFormatException("'" + tok + "' is no time");
        }
        BigInteger micros = new BigInteger(parts[0]).multiply(BigInteger.valueOf(MICROS_PER_HOUR))
                .add(BigInteger.valueOf(Long.parseLong(parts[1]) * MICROS_PER_MINUTE));
        if (parts.length == 3) {
            micros = micros.add(new BigDecimal(parts[2]).movePointRight(6).setScale(0, RoundingMode.HALF_EVEN)
                    .toBigIntegerExact());
        }
        return sign < 0 ? micros.negate() : micros;
    }

    /** {@code P[nY][nM][nW][nD][T[nH][nM][nS]]}, each number signed and the seconds fractional. */
    private static BigInteger parseIso(String s) {
        int sign = 1;
        int i = 0;
        if (s.charAt(0) == '-') {
            sign = -1;
            i = 1;
        }
        i++; // P
        boolean timePart = false;
        BigInteger total = BigInteger.ZERO;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == 'T') {
                timePart = true;
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || "+-.".indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
            if (i == start || i >= s.length()) {
                throw new NumberFormatException("malformed ISO 8601 interval");
            }
            BigDecimal number = new BigDecimal(s.substring(start, i));
            char designator = s.charAt(i++);
            long unit;
            switch (designator) {
                case 'Y': unit = MICROS_PER_YEAR; break;
                case 'M': unit = timePart ? MICROS_PER_MINUTE : MICROS_PER_MONTH; break;
                case 'W': unit = 7 * MICROS_PER_DAY; break;
                case 'D': unit = MICROS_PER_DAY; break;
                case 'H': unit = MICROS_PER_HOUR; break;
                case 'S': unit = MICROS_PER_SECOND; break;
                default: throw new NumberFormatException("unknown designator '" + designator + "'");
            }
            total = total.add(number.multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact());
        }
        return sign < 0 ? total.negate() : total;
    }
}
