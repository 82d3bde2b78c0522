package dev.retort.dialect.mysql;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.TypeCompiler;
import dev.retort.types.BinaryType;
import dev.retort.types.DateTimeType;
import dev.retort.types.DoubleType;
import dev.retort.types.EnumType;
import dev.retort.types.NumericType;
import dev.retort.types.RealType;
import dev.retort.types.TextType;
import dev.retort.types.TimeType;
import dev.retort.types.TimestampTzType;
import dev.retort.types.UuidType;

import java.util.ArrayList;
import java.util.List;

/**
 * MySQL and MariaDB type names: DECIMAL, DOUBLE, LONGTEXT, DATETIME(6) (also for time-zone-aware
 * values, stored in UTC), LONGBLOB, inline ENUM, and UUID where MariaDB 10.7+ has it.
 */
public class MysqlTypeCompiler extends TypeCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the MySQL or MariaDB dialect
     */
    public MysqlTypeCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String visitNumeric(NumericType t) {
        return t.precision() == null ? "DECIMAL(65, 30)" : "DECIMAL(" + t.precision() + ", " + t.scale() + ")";
    }

    /**
     * DOUBLE, not FLOAT: MariaDB sends FLOAT values as text with six significant digits, which
     * loses a Java float's seventh; a DOUBLE holds every float exactly.
     */
    @Override
    public String visitReal(RealType t) {
        return "DOUBLE";
    }

    @Override
    public String visitDouble(DoubleType t) {
        return "DOUBLE";
    }

    @Override
    public String visitText(TextType t) {
        return "LONGTEXT";
    }

    @Override
    public String visitTime(TimeType t) {
        return "TIME(6)";
    }

    @Override
    public String visitDateTime(DateTimeType t) {
        return "DATETIME(6)";
    }

    @Override
    public String visitTimestampTz(TimestampTzType<?> t) {
        return "DATETIME(6)";
    }

    @Override
    public String visitBinary(BinaryType t) {
        return t.length() == null ? "LONGBLOB" : "VARBINARY(" + t.length() + ")";
    }

    @Override
    public String visitUuid(UuidType t) {
        if (t.binary()) {
            return "BINARY(16)";
        }
        return dialect instanceof MariaDbDialect && dialect.serverVersion().atLeast(10, 7) ? "UUID" : "CHAR(36)";
    }

    @Override
    public String visitEnum(EnumType<?> t) {
        List<String> labels = new ArrayList<>();
        for (String l : t.labels()) {
            labels.add("'" + l.replace("\\", "\\\\").replace("'", "''") + "'");
        }
        return "ENUM(" + String.join(", ", labels) + ")";
    }
}
