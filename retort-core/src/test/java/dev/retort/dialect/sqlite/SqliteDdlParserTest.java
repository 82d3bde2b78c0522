package dev.retort.dialect.sqlite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteDdlParserTest {

    @Test
    void readsTableAndColumnConstraintsWithTheirNames() {
        SqliteDdlParser.TableDefinition t = SqliteDdlParser.parseTable("""
                CREATE TABLE IF NOT EXISTS main."we""ird" (
                    [id] INTEGER NOT NULL PRIMARY KEY, -- a comment, with a comma
                    `qty` INTEGER DEFAULT (1 + 2) CONSTRAINT ck_qty CHECK (qty >= 0),
                    parent INTEGER REFERENCES "we""ird" (id) ON DELETE SET NULL NOT NULL,
                    a VARCHAR(10), b NUMERIC(10, 2) /* block */,
                    CONSTRAINT uq_ab UNIQUE (a, b COLLATE NOCASE),
                    CHECK (a IN ('x', 'y,z')),
                    CONSTRAINT fk_ab FOREIGN KEY (a, b) REFERENCES other (x, y) ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED
                ) WITHOUT ROWID""");
        assertThat(t.columns()).containsExactly("id", "qty", "parent", "a", "b");
        assertThat(t.withoutRowid()).isTrue();
        assertThat(t.constraints()).extracting(SqliteDdlParser.Constraint::type)
                .containsExactly("PRIMARY KEY", "CHECK", "FOREIGN KEY", "UNIQUE", "CHECK", "FOREIGN KEY");
        SqliteDdlParser.Constraint check = t.constraints().get(1);
        assertThat(check.name()).isEqualTo("ck_qty");
        assertThat(check.check()).isEqualTo("qty >= 0");
        SqliteDdlParser.Constraint self = t.constraints().get(2);
        assertThat(self.referredTable()).isEqualTo("we\"ird");
        assertThat(self.columns()).containsExactly("parent");
        assertThat(self.deferrable()).isFalse();
        assertThat(t.constraints().get(3).columns()).containsExactly("a", "b");
        assertThat(t.constraints().get(4).check()).isEqualTo("a IN ('x', 'y,z')");
        SqliteDdlParser.Constraint fk = t.constraints().get(5);
        assertThat(fk.name()).isEqualTo("fk_ab");
        assertThat(fk.referredColumns()).containsExactly("x", "y");
        assertThat(fk.deferrable()).isTrue();
        assertThat(fk.initiallyDeferred()).isTrue();
    }

    @Test
    void readsIndexExpressionsAndWhere() {
        SqliteDdlParser.IndexDefinition i = SqliteDdlParser.parseIndex(
                "CREATE UNIQUE INDEX \"ix\" ON t ((lower(name)), id DESC, (a + b)) WHERE qty > 0 AND name <> ';'");
        assertThat(i.elements()).containsExactly("lower(name)", "id", "a + b");
        assertThat(i.where()).isEqualTo("qty > 0 AND name <> ';'");
    }

    @Test
    void readsViewQueriesAndEnumChecks() {
        assertThat(SqliteDdlParser.viewQuery("CREATE VIEW v (a, b) AS SELECT 1, 2;")).isEqualTo("SELECT 1, 2");
        assertThat(SqliteDdlParser.inListLabels("\"status\" IN ('A', 'it''s')", "status")).isEqualTo(List.of("A", "it's"));
        assertThat(SqliteDdlParser.inListLabels("status IN ('A') OR 1", "status")).isNull();
        assertThat(SqliteDdlParser.inListLabels("other IN ('A')", "status")).isNull();
    }
}
