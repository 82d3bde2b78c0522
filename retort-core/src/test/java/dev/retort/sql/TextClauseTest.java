package dev.retort.sql;

import dev.retort.CompileException;
import dev.retort.dialect.CompiledStatement;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.mysql.MariaDbDialect;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class TextClauseTest {
    private final Dialect sqlite = new SqliteDialect();
    private final Dialect postgres = new PostgresDialect();
    private final Dialect mariadb = new MariaDbDialect();

    private CompiledStatement compile(String sql) {
        return sqlite.compile(text(sql));
    }

    @Test
    void parameterNamesAreInOrderOfFirstAppearance() {
        TextClause clause = text("SELECT * FROM t WHERE b = :b AND a = :a AND c = :b2 OR b = :b");

        assertThat(clause.parameterNames()).containsExactly("b", "a", "b2");
    }

    @Test
    void parametersCompileToPlaceholders() {
        CompiledStatement c = compile("SELECT * FROM t WHERE id = :id AND name = :name_1");

        assertThat(c.sql()).isEqualTo("SELECT * FROM t WHERE id = ? AND name = ?");
        assertThat(c.parameterNames()).containsExactly("id", "name_1");
    }

    @Test
    void parameterAtStartAndEndOfTextIsFound() {
        CompiledStatement c = compile(":a + :b");

        assertThat(c.sql()).isEqualTo("? + ?");
        assertThat(c.parameterNames()).containsExactly("a", "b");
    }

    @Test
    void repeatedParameterIsBoundAtEachPlaceholder() {
        TextClause clause = text("SELECT * FROM t WHERE a = :a OR b = :a");
        CompiledStatement c = sqlite.compile(clause);

        assertThat(clause.parameterNames()).containsExactly("a");
        assertThat(c.sql()).isEqualTo("SELECT * FROM t WHERE a = ? OR b = ?");
        assertThat(c.parameterNames()).containsExactly("a", "a");
    }

    @Test
    void nullOrBlankTextIsRejected() {
        assertThatThrownBy(() -> text(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text(sql): the SQL text is null or blank");
        assertThatThrownBy(() -> text("  \n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text(sql): the SQL text is null or blank");
    }

    // ---- binding -----------------------------------------------------------------------------

    @Test
    void bindingUnknownNameNamesItAndListsParameters() {
        TextClause clause = text("SELECT * FROM t WHERE a = :a AND b = :b");

        assertThatThrownBy(() -> clause.bind("c", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no parameter :c")
                .hasMessageContaining("its parameters are :a, :b");
    }

    @Test
    void bindingToTextWithoutParametersSaysNone() {
        assertThatThrownBy(() -> text("SELECT 1").bind("x", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text(\"SELECT 1\") has no parameter :x; its parameters are none");
    }

    @Test
    void bindAllRejectsUnknownName() {
        TextClause clause = text("SELECT :a");

        assertThatThrownBy(() -> clause.bindAll(Map.of("zz", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no parameter :zz; its parameters are :a");
    }

    @Test
    void bindReturnsNewClauseAndLeavesOriginalUnchanged() {
        TextClause original = text("SELECT :a, :b");
        TextClause bound = original.bind("a", 1);

        assertThat(bound).isNotSameAs(original);
        assertThat(original.boundValues()).isEmpty();
        assertThat(bound.boundValues()).containsExactly(entry("a", 1));

        TextClause rebound = bound.bind("a", 2).bind("b", null);
        assertThat(bound.boundValues()).containsExactly(entry("a", 1));
        assertThat(rebound.boundValues()).containsOnly(entry("a", 2), entry("b", null));
    }

    @Test
    void bindAllBindsEveryValue() {
        TextClause clause = text("SELECT :a, :b").bindAll(Map.of("a", 1, "b", "x"));

        assertThat(clause.boundValues()).containsOnly(entry("a", 1), entry("b", "x"));
    }

    @Test
    void equalsAndHashCodeUseTextAndBoundValues() {
        TextClause a1 = text("SELECT :a").bind("a", 1);
        TextClause a1Again = text("SELECT :a").bind("a", 1);
        TextClause a2 = text("SELECT :a").bind("a", 2);
        TextClause otherText = text("SELECT  :a").bind("a", 1);

        assertThat(a1).isEqualTo(a1Again);
        assertThat(a1.hashCode()).isEqualTo(a1Again.hashCode());
        assertThat(a1).isNotEqualTo(a2);
        assertThat(a1).isNotEqualTo(otherText);
        assertThat(a1).isNotEqualTo(text("SELECT :a"));
    }

    @Test
    void cacheKeyIsEqualForSameTextWithDifferentValues() {
        TextClause a1 = text("SELECT :a").bind("a", 1);
        TextClause a2 = text("SELECT :a").bind("a", 2);

        assertThat(a1.cacheKey()).isEqualTo(a2.cacheKey());
        assertThat(a1.cacheKey().hashCode()).isEqualTo(a2.cacheKey().hashCode());
        assertThat(a1.cacheKey()).isNotEqualTo(text("SELECT :b").cacheKey());
    }

    // ---- what is not a parameter -------------------------------------------------------------

    @Test
    void doubleColonCastIsKept() {
        CompiledStatement c = postgres.compile(text("SELECT x::int FROM t WHERE a = :a"));

        assertThat(c.sql()).isEqualTo("SELECT x::int FROM t WHERE a = ?");
        assertThat(c.parameterNames()).containsExactly("a");
    }

    @Test
    void castOfParameterKeepsParameterAndCast() {
        CompiledStatement c = postgres.compile(text("SELECT :a::int"));

        assertThat(c.sql()).isEqualTo("SELECT ?::int");
        assertThat(c.parameterNames()).containsExactly("a");
    }

    @Test
    void backslashColonIsLiteralColon() {
        CompiledStatement c = compile("SELECT '12' AS a\\:b, :p");

        assertThat(c.sql()).isEqualTo("SELECT '12' AS a:b, ?");
        assertThat(c.parameterNames()).containsExactly("p");
    }

    @Test
    void colonNameInsideSingleQuotedStringIsNotParameter() {
        CompiledStatement c = compile("SELECT ':not' FROM t WHERE a = :a");

        assertThat(c.sql()).isEqualTo("SELECT ':not' FROM t WHERE a = ?");
        assertThat(c.parameterNames()).containsExactly("a");
    }

    @Test
    void doubledQuotesInsideStringDoNotEndIt() {
        CompiledStatement c = compile("SELECT 'it''s :not' AS \"say \"\":no\"\"\", :a");

        assertThat(c.sql()).isEqualTo("SELECT 'it''s :not' AS \"say \"\":no\"\"\", ?");
        assertThat(c.parameterNames()).containsExactly("a");
    }

    @Test
    void colonNameInsideDoubleQuotedIdentifierIsNotParameter() {
        CompiledStatement c = compile("SELECT \"col:x\" FROM t WHERE a = :a");

        assertThat(c.sql()).isEqualTo("SELECT \"col:x\" FROM t WHERE a = ?");
        assertThat(c.parameterNames()).containsExactly("a");
    }

    @Test
    void colonNameInsideBacktickIdentifierIsNotParameter() {
        CompiledStatement c = mariadb.compile(text("SELECT `col:x` FROM t WHERE a = :a"));

        assertThat(c.sql()).isEqualTo("SELECT `col:x` FROM t WHERE a = ?");
        assertThat(c.parameterNames()).containsExactly("a");
    }

    @Test
    void colonNameInsideLineCommentIsNotParameter() {
        CompiledStatement c = compile("SELECT 1 -- where :x ?\nFROM t WHERE a = :a -- :y");

        assertThat(c.sql()).isEqualTo("SELECT 1 -- where :x ?\nFROM t WHERE a = ? -- :y");
        assertThat(c.parameterNames()).containsExactly("a");
    }

    @Test
    void colonNameInsideBlockCommentIsNotParameter() {
        CompiledStatement c = compile("SELECT /* :x ? 'unbalanced */ a FROM t WHERE a = :a");

        assertThat(c.sql()).isEqualTo("SELECT /* :x ? 'unbalanced */ a FROM t WHERE a = ?");
        assertThat(c.parameterNames()).containsExactly("a");
    }

    @Test
    void colonNameInsideDollarQuotedStringIsNotParameter() {
        CompiledStatement c = postgres.compile(text("SELECT $$ :x ? 'it's $$, :a"));

        assertThat(c.sql()).isEqualTo("SELECT $$ :x ? 'it's $$, ?");
        assertThat(c.parameterNames()).containsExactly("a");
    }

    @Test
    void colonNameInsideTaggedDollarQuotedStringIsNotParameter() {
        String body = "CREATE FUNCTION f() RETURNS int AS $fn$ SELECT :x; $$ :y $$ $fn$ LANGUAGE sql";
        CompiledStatement c = postgres.compile(text(body + " -- :z\n; SELECT :a"));

        assertThat(c.sql()).isEqualTo(body + " -- :z\n; SELECT ?");
        assertThat(c.parameterNames()).containsExactly("a");
    }

    @Test
    void dollarPositionalParameterAndDollarInIdentifierAreNotQuotes() {
        CompiledStatement c = postgres.compile(text("SELECT $1, a$b FROM t WHERE x = :x"));

        assertThat(c.sql()).isEqualTo("SELECT $1, a$b FROM t WHERE x = ?");
        assertThat(c.parameterNames()).containsExactly("x");
    }

    @Test
    void colonFollowedByNonLetterIsKept() {
        CompiledStatement c = compile("SELECT a := 1, '10:30', :1");

        assertThat(c.sql()).isEqualTo("SELECT a := 1, '10:30', :1");
        assertThat(c.parameterNames()).isEmpty();
    }

    // ---- unterminated constructs -------------------------------------------------------------

    @Test
    void unterminatedSingleQuoteIsRejectedWithOffset() {
        assertThatThrownBy(() -> text("SELECT 'abc FROM t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text(): unterminated ' quote starting at offset 7");
    }

    @Test
    void unterminatedDoubleQuoteIsRejectedWithOffset() {
        assertThatThrownBy(() -> text("SELECT a AS \"x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text(): unterminated \" quote starting at offset 12");
    }

    @Test
    void unterminatedBlockCommentIsRejectedWithOffset() {
        assertThatThrownBy(() -> text("SELECT 1 /* never closed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text(): unterminated /* comment starting at offset 9");
    }

    @Test
    void unterminatedDollarQuoteIsRejectedWithOffset() {
        assertThatThrownBy(() -> text("SELECT $tag$ body"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text(): unterminated dollar-quoted string $tag$ starting at offset 7");
    }

    // ---- bare question marks -----------------------------------------------------------------

    @Test
    void bareQuestionMarkIsEscapedOnPostgres() {
        CompiledStatement c = postgres.compile(text("SELECT '{\"a\":1}'::jsonb ? 'a' AND x = :x"));

        assertThat(c.sql()).isEqualTo("SELECT '{\"a\":1}'::jsonb ?? 'a' AND x = ?");
        assertThat(c.parameterNames()).containsExactly("x");
    }

    @Test
    void questionMarkInsideQuotesIsLeftAloneOnSqlite() {
        CompiledStatement c = compile("SELECT 'what?' AS \"q?\"");

        assertThat(c.sql()).isEqualTo("SELECT 'what?' AS \"q?\"");
    }

    @Test
    void bareQuestionMarkIsRefusedOnSqlite() {
        TextClause clause = text("SELECT * FROM t WHERE a = ?");

        assertThatThrownBy(() -> sqlite.compile(clause))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("a bare '?' at offset 26 cannot be sent to SQLite")
                .hasMessageContaining("Use a named parameter such as :value instead.");
    }

    @Test
    void bareQuestionMarkIsRefusedOnMariaDb() {
        TextClause clause = text("SELECT '{\"a\":1}' ? 'a'");

        assertThatThrownBy(() -> mariadb.compile(clause))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("a bare '?' at offset 17 cannot be sent to MariaDB")
                .hasMessageContaining("Use a named parameter such as :value instead.");
    }
}
