package dev.retort.types;

/** Keeps JSON as text. */
final class TextJsonCodec implements JsonCodec<String> {
    static final TextJsonCodec INSTANCE = new TextJsonCodec();

    @Override
    public Class<String> javaType() {
        return String.class;
    }

    @Override
    public String encode(String value) {
        return value;
    }

    @Override
    public String decode(String json) {
        return json;
    }
}
