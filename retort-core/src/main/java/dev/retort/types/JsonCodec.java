package dev.retort.types;

/**
 * Turns Java values into JSON text and back, for {@link JsonType}. Plug in any JSON library:
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper();
 * JsonCodec<Order> codec = JsonCodec.of(Order.class, mapper::writeValueAsString, s -> mapper.readValue(s, Order.class));
 * }</pre>
 *
 * @param <T> the Java type
 */
public interface JsonCodec<T> {

    /** @return the Java class this codec reads and writes */
    Class<T> javaType();

    /**
     * Writes a value as JSON text.
     *
     * @param value the value, never null
     * @return JSON text
     * @throws Exception if the value cannot be written
     */
    String encode(T value) throws Exception;

    /**
     * Reads JSON text.
     *
     * @param json JSON text, never null
     * @return the value
     * @throws Exception if the text cannot be read
     */
    T decode(String json) throws Exception;

    /** @return the codec that keeps JSON as a {@code String} */
    static JsonCodec<String> text() {
        return TextJsonCodec.INSTANCE;
    }

    /**
     * A codec from two functions.
     *
     * @param javaType the Java class
     * @param encode writes JSON
     * @param decode reads JSON
     * @param <T> the Java type
     * @return the codec
     */
    static <T> JsonCodec<T> of(Class<T> javaType, ThrowingFunction<T, String> encode, ThrowingFunction<String, T> decode) {
        return new JsonCodec<>() {
            @Override
            public Class<T> javaType() {
                return javaType;
            }

            @Override
            public String encode(T value) throws Exception {
                return encode.apply(value);
            }

            @Override
            public T decode(String json) throws Exception {
                return decode.apply(json);
            }
        };
    }

    /**
     * A function that may throw, as JSON libraries do.
     *
     * @param <A> argument
     * @param <B> result
     */
    @FunctionalInterface
    interface ThrowingFunction<A, B> {
        /**
         * Applies the function.
         *
         * @param a the argument
         * @return the result
         * @throws Exception on failure
         */
        B apply(A a) throws Exception;
    }
}
