package dev.retort.compliance;

import dev.retort.DataException;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InjectionTest {

    static final List<String> HOSTILE = List.of(
            "'; DROP TABLE items; --",
            "' OR '1'='1",
            "\\'; DELETE FROM items; --",
            "Robert'); DROP TABLE items;--",
            "/* comment */ 1; SELECT 1",
            "back\\slash\\",
            "quote\" and `backtick`",
            ":name ? $1 %s",
            "ʼ OR 1=1 -- (modifier apostrophe)",
            "＇ OR ＇1＇=＇1 (fullwidth quotes)",
            "😀 emoji and 中文",
            "line\nbreak\r\ttab");

    @EachDatabase
    void hostileValuesAreStoredAndComparedVerbatim(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        try (Connection c = engine.connect()) {
            for (int i = 0; i < HOSTILE.size(); i++) {
                c.execute(text("INSERT INTO items (id, name) VALUES (:id, :name)").bind("id", i).bind("name", HOSTILE.get(i)));
            }
            c.commit();
            for (int i = 0; i < HOSTILE.size(); i++) {
                String value = HOSTILE.get(i);
                assertThat(c.execute(text("SELECT id FROM items WHERE name = :name").bind("name", value))
                        .scalars(Integer.class).all()).as(value).containsExactly(i);
            }
            assertThat(c.execute(text("SELECT name FROM items ORDER BY id")).scalars(String.class).all())
                    .containsExactlyElementsOf(HOSTILE);
        }
    }

    /** PostgreSQL text cannot hold NUL: the error is classified and nothing is stored. */
    @EachDatabase
    void nulCharacterIsStoredOrRefusedCleanly(TestDatabase db) {
        Engine engine = db.engine();
        Tables.createItems(engine);
        String withNul = "before\u0000after";
        try (Connection c = engine.connect()) {
            if (db.kind() == DatabaseKind.POSTGRESQL) {
                assertThatThrownBy(() -> Tables.insertItem(c, 1, withNul, 1)).isInstanceOf(DataException.class);
                c.rollback();
                assertThat(c.execute(text("SELECT COUNT(*) FROM items")).scalar(Long.class)).isZero();
            } else {
                Tables.insertItem(c, 1, withNul, 1);
                assertThat(c.execute(text("SELECT name FROM items")).scalar(String.class)).isEqualTo(withNul);
            }
        }
    }
}
