package dev.retort.compliance;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.schema.Column;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.ArrayList;
import java.util.List;

import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.sql.Functions.jsonValue;
import static dev.retort.sql.Statements.insert;
import static dev.retort.sql.Statements.select;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.jsonText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code jsonValue} extraction on each database, with hostile text inside documents and paths. */
class JsonQueryTest {

    static final class Docs extends Table {
        final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
        final Column<String> body = column("body", jsonText());

        Docs(MetaData md) {
            super(md, "docs");
        }
    }

    /** JSON string syntax for a Java string: the test writes its documents by hand. */
    private static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(ch);
            }
        }
        return out.append('"').toString();
    }

    private static Docs docs(Engine engine) {
        MetaData md = new MetaData();
        Docs d = new Docs(md);
        md.createAll(engine);
        return d;
    }

    @EachDatabase
    void scalarsAtNestedPathsAndArrayIndexes(TestDatabase db) {
        Engine engine = db.engine();
        Docs d = docs(engine);
        try (Connection c = engine.connect()) {
            c.execute(insert(d).columns(d.id, d.body)
                    .values(1L, "{\"name\": \"Ada\", \"address\": {\"city\": \"London\"}, \"tags\": [\"math\", \"code\"], \"age\": 36}")
                    .values(2L, "{\"name\": \"Caf\\u00e9\", \"address\": {}, \"tags\": [], \"age\": 7}")
                    .values(3L, null));
            List<String> names = c.execute(select(jsonValue(d.body, "$.name")).from(d).orderBy(d.id.asc()))
                    .scalars(String.class).all();
            assertThat(names).containsExactly("Ada", "Café", null);
            assertThat(c.execute(select(jsonValue(d.body, "$.address.city")).from(d).orderBy(d.id.asc()))
                    .scalars(String.class).all()).containsExactly("London", null, null);
            assertThat(c.execute(select(jsonValue(d.body, "$.tags[1]")).from(d).orderBy(d.id.asc()))
                    .scalars(String.class).all()).containsExactly("code", null, null);
            assertThat(c.execute(select(jsonValue(d.body, "$.age")).from(d).orderBy(d.id.asc()))
                    .scalars(String.class).all()).containsExactly("36", "7", null);
            // In a WHERE clause, compared with a bound value.
            assertThat(c.execute(select(d.id).where(jsonValue(d.body, "$.address.city").eq("London")))
                    .scalars(Long.class).all()).containsExactly(1L);
        }
    }

    @EachDatabase
    void hostileTextInsideDocumentsComesBackVerbatim(TestDatabase db) {
        Engine engine = db.engine();
        Docs d = docs(engine);
        List<String> hostile = InjectionTest.HOSTILE;
        try (Connection c = engine.connect()) {
            var insert = insert(d).columns(d.id, d.body);
            for (int i = 0; i < hostile.size(); i++) {
                insert = insert.values(i + 1L, "{\"v\": " + json(hostile.get(i)) + "}");
            }
            c.execute(insert);
            List<String> back = new ArrayList<>(c.execute(select(jsonValue(d.body, "$.v")).from(d).orderBy(d.id.asc()))
                    .scalars(String.class).all());
            assertThat(back).containsExactlyElementsOf(hostile);
            for (int i = 0; i < hostile.size(); i++) {
                assertThat(c.execute(select(d.id).where(jsonValue(d.body, "$.v").eq(hostile.get(i))))
                        .scalars(Long.class).all()).as(hostile.get(i)).containsExactly(i + 1L);
            }
        }
    }

    @EachDatabase
    void hostilePathsAreRefusedBeforeAnySqlIsBuilt(TestDatabase db) {
        Engine engine = db.engine();
        Docs d = docs(engine);
        for (String path : List.of("$.a'); DROP TABLE docs; --", "$.a\") OR 1=1 --", "$[*]", "$.a b", "a", "$.a[-1]", "")) {
            assertThatThrownBy(() -> jsonValue(d.body, path)).as(path)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("jsonValue(path): '" + path + "' is not a path like $.a.b or $.items[0]");
        }
        // A key that merely looks hostile inside a document is found through a plain path.
        try (Connection c = engine.connect()) {
            c.execute(insert(d).value(d.id, 1L).value(d.body, "{\"a\": \"x'); DROP TABLE docs; --\"}"));
            assertThat(c.execute(select(jsonValue(d.body, "$.a")).from(d)).scalar(String.class))
                    .isEqualTo("x'); DROP TABLE docs; --");
        }
    }
}
