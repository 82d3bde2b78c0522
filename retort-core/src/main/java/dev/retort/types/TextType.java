package dev.retort.types;

/**
 * Text of any length: TEXT (LONGTEXT on MariaDB, utf8mb4).
 * Get it from {@link SqlTypes}.
 */
public final class TextType extends SqlType<String> {
    static final TextType INSTANCE = new TextType();

    private TextType() {
        super(String.class);
    }

    @Override
    public <R> R accept(TypeVisitor<R> visitor) {
        return visitor.visitText(this);
    }

    @Override
    public String toString() {
        return "TEXT";
    }
}
