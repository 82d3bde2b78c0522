package dev.retort.examples.migrations;

import dev.retort.dialect.Capability;
import dev.retort.migrate.Revision;
import dev.retort.migrate.ops.Operations;
import dev.retort.types.SqlType;

import java.util.List;

import static dev.retort.types.SqlTypes.enumOf;

// tag::enum[]
/** Another developer's branch, made at the same time: audio books. */
public final class V0003_AudioBooks extends Revision {
    private static final SqlType<String> BEFORE = enumOf("book_format", List.of("paper", "ebook"));
    private static final SqlType<String> AFTER = enumOf("book_format", List.of("paper", "ebook", "audio"));

    public V0003_AudioBooks() {
        super("0003_audio", "Audio books", "0002_loans");
    }

    @Override
    public void upgrade(Operations ops) {
        if (ops.dialect().supports(Capability.NAMED_ENUM_TYPES)) {
            ops.addEnumValue("book_format", "audio");         // PostgreSQL: ALTER TYPE ... ADD VALUE
        } else {                                              // elsewhere the column's type holds the labels
            ops.alterColumn("books", "format", c -> c.type(AFTER)
                    .existingType(BEFORE).existingNullable(false).existingServerDefault("'paper'"));
        }
    }

    @Override
    public void downgrade(Operations ops) {
        if (ops.dialect().supports(Capability.NAMED_ENUM_TYPES)) {
            ops.recreateEnumType("book_format", List.of("paper", "ebook"), "books.format");
        } else {
            ops.alterColumn("books", "format", c -> c.type(BEFORE)
                    .existingType(AFTER).existingNullable(false).existingServerDefault("'paper'"));
        }
    }
}
// end::enum[]
