package dev.retort.types;

/**
 * Visits each kind of {@link SqlType}; dialects implement it to name types in DDL and to bind and
 * read values.
 *
 * @param <R> what each visit returns
 */
public interface TypeVisitor<R> {
    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitBoolean(BooleanType t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitSmallInt(SmallIntType t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitInteger(IntegerType t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitBigInt(BigIntType t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitNumeric(NumericType t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitReal(RealType t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitDouble(DoubleType t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitString(StringType t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitText(TextType t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitDate(DateType t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitTime(TimeType t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitDateTime(DateTimeType t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitTimestampTz(TimestampTzType<?> t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitInterval(IntervalType t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitBinary(BinaryType t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitUuid(UuidType t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitEnum(EnumType<?> t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitJson(JsonType<?> t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitArray(ArrayType<?> t);

    /**
     * Visits a type of this kind.
     *
     * @param t the type
     * @return the result
     */
    R visitMapped(MappedType<?, ?> t);
}
