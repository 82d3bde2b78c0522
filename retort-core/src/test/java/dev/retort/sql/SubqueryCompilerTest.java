package dev.retort.sql;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.mysql.MariaDbDialect;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.retort.sql.Functions.caseWhen;
import static dev.retort.sql.Functions.coalesce;
import static dev.retort.sql.Functions.count;
import static dev.retort.sql.Functions.exists;
import static dev.retort.sql.Functions.max;
import static dev.retort.sql.Functions.notExists;
import static dev.retort.sql.Functions.nullif;
import static dev.retort.sql.Statements.select;
import static dev.retort.sql.Statements.update;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.TEXT;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubqueryCompilerTest {
    private static final Dialect SQLITE = new SqliteDialect();
    private static final Dialect PG = new PostgresDialect();
    private static final Dialect MARIA = new MariaDbDialect();
    private static final JoinCompilerTest.People P = JoinCompilerTest.P;
    private static final JoinCompilerTest.Notes N = JoinCompilerTest.N;

    @Test
    void correlatedExistsLeavesTheOuterTableOutOfItsFrom() {
        Select s = select(P.name).where(exists(select(N.id).where(N.personId.eq(P.id))));
        assertThat(SQLITE.compile(s).sql()).isEqualTo("SELECT people.name FROM people WHERE EXISTS "
                + "(SELECT notes.id FROM notes WHERE notes.person_id = people.id)");
        Select anti = select(P.name).where(notExists(select(N.id).where(N.personId.eq(P.id))));
        assertThat(PG.compile(anti).sql()).contains("WHERE NOT EXISTS (SELECT notes.id FROM notes WHERE");
    }

    @Test
    void scalarAndInSubqueriesShareTheOuterParameterNumbering() {
        Select s = select(P.name, select(count()).from(N).where(N.personId.eq(P.id)).<Long>asScalar().as("notes"))
                .where(P.id.in(select(N.personId).where(N.text.eq("x"))).and(P.name.ne("y")));
        var c = SQLITE.compile(s);
        assertThat(c.sql()).isEqualTo("SELECT people.name, (SELECT COUNT(*) FROM notes WHERE notes.person_id = people.id) "
                + "AS notes FROM people WHERE people.id IN (SELECT notes.person_id FROM notes WHERE notes.text = ?) "
                + "AND people.name <> ?");
        assertThat(c.parameterNames()).containsExactly("#1", "#2");
        assertThat(s.boundValues()).containsEntry("#1", "x").containsEntry("#2", "y");
        Select max = select(P.name).where(P.id.eq(select(max(N.personId)).from(N).<Long>asScalar()));
        assertThat(MARIA.compile(max).sql()).isEqualTo("SELECT people.name FROM people WHERE people.id = "
                + "(SELECT MAX(notes.person_id) FROM notes)");
    }

    @Test
    void updateWithACorrelatedSubquery() {
        Update u = update(N).set(N.text, select(P.name).where(P.id.eq(N.personId)).<String>asScalar())
                .where(N.text.isNull());
        assertThat(PG.compile(u).sql()).isEqualTo("UPDATE notes SET text = (SELECT people.name FROM people "
                + "WHERE people.id = notes.person_id) WHERE notes.text IS NULL");
    }

    @Test
    void caseCastCoalesceNullifConcat() {
        Expression<String> size = caseWhen(N.id.gt(10L), "big", TEXT).when(N.id.gt(0L), "small").otherwise("none");
        assertThat(SQLITE.compile(select(size.as("size"))).sql()).isEqualTo(
                "SELECT CASE WHEN notes.id > ? THEN ? WHEN notes.id > ? THEN ? ELSE ? END AS size FROM notes");
        assertThat(PG.compile(select(N.id.cast(varchar(20)))).sql()).isEqualTo("SELECT CAST(notes.id AS VARCHAR(20)) FROM notes");
        assertThat(MARIA.compile(select(N.id.cast(varchar(20)))).sql()).isEqualTo("SELECT CAST(notes.id AS CHAR(20)) FROM notes");
        assertThat(MARIA.compile(select(N.text.cast(BIGINT))).sql()).isEqualTo("SELECT CAST(notes.text AS SIGNED) FROM notes");
        assertThat(SQLITE.compile(select(coalesce(N.text, "-"), nullif(N.text, ""))).sql())
                .isEqualTo("SELECT COALESCE(notes.text, ?), NULLIF(notes.text, ?) FROM notes");
        assertThat(PG.compile(select(N.text.concat("!").concat(N.text))).sql())
                .isEqualTo("SELECT (notes.text || ?) || notes.text FROM notes");
        assertThat(MARIA.compile(select(N.text.concat("!"))).sql()).isEqualTo("SELECT CONCAT(notes.text, ?) FROM notes");
        assertThat(List.of(size)).hasSize(1);
    }

    /** Found in review: each of these once compiled to the wrong SQL. */
    @Test
    void reviewRegressions() {
        Select inferred = select(P.name).where(exists(select(N.id).where(N.personId.eq(P.id))));
        Select explicit = select(P.name).where(exists(select(N.id).from(N, P).where(N.personId.eq(P.id))));
        assertThat(inferred.cacheKey()).isNotEqualTo(explicit.cacheKey());
        assertThat(SQLITE.compile(explicit).sql()).contains("(SELECT notes.id FROM notes, people WHERE");

        DerivedTable sub = select(N.id, P.name).where(N.personId.eq(P.id)).subquery("sub");
        assertThat(SQLITE.compile(select(P.id).from(P.crossJoin(sub))).sql())
                .contains("(SELECT notes.id, people.name FROM notes, people WHERE notes.person_id = people.id) AS sub");

        assertThat(PG.compile(select(P.id.plus(1L).concat("x"))).sql()).isEqualTo("SELECT (people.id + ?) || ? FROM people");
        assertThat(SQLITE.compile(select(N.text.concat("x").concat("y"))).sql()).isEqualTo("SELECT (notes.text || ?) || ? FROM notes");

        CompoundSelect u = select(P.name).union(select(N.text)).orderBy(P.name.desc().nullsLast());
        assertThat(PG.compile(u).sql()).endsWith("ORDER BY 1 DESC NULLS LAST");
        assertThatThrownBy(() -> MARIA.compile(u)).isInstanceOf(dev.retort.CompileException.class).hasMessageContaining("subquery");
        assertThatThrownBy(() -> select(P.name).union(select(N.text)).limit(-1)).isInstanceOf(IllegalArgumentException.class);

        Select likeOther = select(P.name).where(P.name.like("%"));
        assertThat(likeOther.fromItems()).containsExactly(P);
    }
}
