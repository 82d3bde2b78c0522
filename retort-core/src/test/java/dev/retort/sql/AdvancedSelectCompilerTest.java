package dev.retort.sql;

import dev.retort.CompileException;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.mysql.MariaDbDialect;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;

import static dev.retort.sql.Functions.count;
import static dev.retort.sql.Functions.extract;
import static dev.retort.sql.Functions.jsonValue;
import static dev.retort.sql.Functions.length;
import static dev.retort.sql.Functions.rank;
import static dev.retort.sql.Functions.rowNumber;
import static dev.retort.sql.Functions.stringAgg;
import static dev.retort.sql.Functions.sum;
import static dev.retort.sql.Statements.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdvancedSelectCompilerTest {
    private static final Dialect SQLITE = new SqliteDialect();
    private static final Dialect PG = new PostgresDialect();
    private static final Dialect MARIA = new MariaDbDialect();
    private static final JoinCompilerTest.People P = JoinCompilerTest.P;
    private static final JoinCompilerTest.Notes N = JoinCompilerTest.N;

    @Test
    void derivedTablesAndCtes() {
        DerivedTable counts = select(N.personId, count().as("n")).groupBy(N.personId).subquery("counts");
        Select s = select(P.name, counts.column("n", Long.class)).from(P.join(counts, counts.column(N.personId).eq(P.id)));
        assertThat(SQLITE.compile(s).sql()).isEqualTo("SELECT people.name, counts.n FROM people JOIN "
                + "(SELECT notes.person_id, COUNT(*) AS n FROM notes GROUP BY notes.person_id) AS counts "
                + "ON counts.person_id = people.id");
        DerivedTable busy = select(N.personId).where(N.text.isNotNull()).cte("busy");
        Select c = select(P.name).where(P.id.in(select(busy.column(N.personId))));
        assertThat(PG.compile(c).sql()).isEqualTo("WITH busy AS (SELECT notes.person_id FROM notes WHERE notes.text IS NOT NULL) "
                + "SELECT people.name FROM people WHERE people.id IN (SELECT busy.person_id FROM busy)");
    }

    @Test
    void recursiveCteWalksAHierarchy() {
        DerivedTable chain = select(P.id, P.name, P.bossId).where(P.id.eq(7L)).cte("chain", true)
                .unionAll(self -> select(P.id, P.name, P.bossId).from(P.join(self, P.id.eq(self.column(P.bossId)))));
        Select s = select(chain.column(P.name)).from(chain);
        assertThat(SQLITE.compile(s).sql()).isEqualTo("WITH RECURSIVE chain (id, name, boss_id) AS ("
                + "SELECT people.id, people.name, people.boss_id FROM people WHERE people.id = ? UNION ALL "
                + "SELECT people.id, people.name, people.boss_id FROM people JOIN chain ON people.id = chain.boss_id) "
                + "SELECT chain.name FROM chain");
        assertThat(s.boundValues()).containsEntry("#1", 7L);
    }

    @Test
    void setOperationsWithOrderAndLimitOnTheWhole() {
        Select a = select(P.name).where(P.id.lt(10L));
        CompoundSelect u = a.union(select(N.text)).orderBy(P.name.desc()).limit(5);
        assertThat(PG.compile(u).sql()).isEqualTo("SELECT people.name FROM people WHERE people.id < ? UNION "
                + "SELECT notes.text FROM notes ORDER BY 1 DESC LIMIT ?");
        assertThat(MARIA.compile(a.intersect(select(N.text))).sql()).contains(" INTERSECT ");
        assertThat(SQLITE.compile(a.except(select(N.text)).unionAll(select(N.text))).sql()).contains(" EXCEPT ", " UNION ALL ");
        assertThatThrownBy(() -> SQLITE.compile(select(P.name).limit(1).union(select(N.text))))
                .isInstanceOf(CompileException.class).hasMessageContaining("subquery");
        assertThat(PG.compile(select(P.name).limit(1).union(select(N.text))).sql())
                .startsWith("(SELECT people.name FROM people LIMIT ?) UNION");
        assertThatThrownBy(() -> a.union(select(P.id, P.name))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 and 2 columns");
    }

    @Test
    void windowFunctions() {
        Select s = select(P.name, rowNumber().over(Window.partitionBy(P.bossId).orderBy(P.name.asc())).as("rn"),
                rank().over(Window.orderedBy(P.id.desc())).as("r"),
                sum(P.id).over(Window.partitionBy(P.bossId).orderBy(P.id.asc())
                        .rowsBetween(Window.Bound.UNBOUNDED_PRECEDING, Window.Bound.CURRENT_ROW)).as("running"));
        assertThat(PG.compile(s).sql()).isEqualTo("SELECT people.name, ROW_NUMBER() OVER (PARTITION BY people.boss_id "
                + "ORDER BY people.name ASC) AS rn, RANK() OVER (ORDER BY people.id DESC) AS r, SUM(people.id) OVER "
                + "(PARTITION BY people.boss_id ORDER BY people.id ASC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) "
                + "AS running FROM people");
        assertThatThrownBy(() -> P.name.over(Window.all())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lockingAndDistinctOn() {
        assertThat(PG.compile(select(P.name).where(P.id.eq(1L)).forUpdate(Lock.Wait.SKIP_LOCKED, P)).sql())
                .endsWith("WHERE people.id = ? FOR UPDATE OF people SKIP LOCKED");
        assertThat(MARIA.compile(select(P.name).forUpdate(Lock.Wait.NOWAIT)).sql()).endsWith("FROM people FOR UPDATE NOWAIT");
        assertThatThrownBy(() -> MARIA.compile(select(P.name).forUpdate(Lock.Wait.WAIT, P))).isInstanceOf(CompileException.class)
                .hasMessageContaining("FOR UPDATE OF");
        assertThatThrownBy(() -> SQLITE.compile(select(P.name).forUpdate())).isInstanceOf(CompileException.class)
                .hasMessageContaining("SQLite");
        assertThat(PG.compile(select(P.name, P.bossId).distinctOn(P.bossId).orderBy(P.bossId, P.name)).sql())
                .startsWith("SELECT DISTINCT ON (people.boss_id) people.name");
        assertThatThrownBy(() -> MARIA.compile(select(P.name).distinctOn(P.bossId))).isInstanceOf(CompileException.class)
                .hasMessageContaining("rowNumber()");
    }

    @Test
    void portableFunctionsPerDialect() {
        Select agg = select(stringAgg(P.name, ", ")).groupBy(P.bossId);
        assertThat(PG.compile(agg).sql()).startsWith("SELECT string_agg(people.name, ', ')");
        assertThat(SQLITE.compile(agg).sql()).startsWith("SELECT group_concat(people.name, ', ')");
        assertThat(MARIA.compile(agg).sql()).startsWith("SELECT GROUP_CONCAT(people.name SEPARATOR ', ')");
        assertThat(MARIA.compile(select(length(P.name))).sql()).startsWith("SELECT CHAR_LENGTH(people.name)");
        assertThat(SQLITE.compile(select(extract("year", N.text))).sql()).startsWith("SELECT CAST(strftime('%Y', notes.text) AS INTEGER)");
        assertThat(PG.compile(select(extract("month", N.text))).sql()).startsWith("SELECT EXTRACT(MONTH FROM notes.text)");
        assertThat(PG.compile(select(jsonValue(N.text, "$.a.b"))).sql())
                .startsWith("SELECT (jsonb_path_query_first(CAST(notes.text AS jsonb), CAST(? AS jsonpath)) #>> '{}')");
        assertThat(SQLITE.compile(select(jsonValue(N.text, "$.a"))).sql()).startsWith("SELECT json_extract(notes.text, ?)");
        assertThat(MARIA.compile(select(jsonValue(N.text, "$.a"))).sql()).startsWith("SELECT JSON_VALUE(notes.text, ?)");
        assertThatThrownBy(() -> jsonValue(N.text, "a'); DROP")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MARIA.compile(select(stringAgg(P.name, "\\'"))).sql()).contains("SEPARATOR '\\\\'''");
    }

    @Test
    void distinctFromTupleInAndInsertFromSelect() {
        Select d = select(P.id).where(P.bossId.isDistinctFrom(3L));
        assertThat(PG.compile(d).sql()).endsWith("WHERE people.boss_id IS DISTINCT FROM ?");
        assertThat(SQLITE.compile(d).sql()).endsWith("WHERE people.boss_id IS NOT ?");
        assertThat(MARIA.compile(d).sql()).endsWith("WHERE NOT (people.boss_id <=> ?)");
        assertThat(MARIA.compile(select(P.id).where(P.bossId.isNotDistinctFrom(null))).sql()).endsWith("WHERE people.boss_id <=> ?");
        Select t = select(P.id).where(Tuple.of(P.id, P.name).in(java.util.List.of(java.util.List.of(1L, "a"), java.util.List.of(2L, "b"))));
        assertThat(SQLITE.compile(t).sql()).endsWith("WHERE (people.id, people.name) IN ((?, ?), (?, ?))");
        assertThatThrownBy(() -> Tuple.of(P.id, P.name).in(java.util.List.of(java.util.List.of("x", "a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        Insert copy = Statements.insert(N).columns(N.personId, N.text).fromSelect(select(P.id, P.name).where(P.bossId.isNull()));
        assertThat(PG.compile(copy).sql()).isEqualTo("INSERT INTO notes (person_id, text) SELECT people.id, people.name "
                + "FROM people WHERE people.boss_id IS NULL");
    }

    @Test
    void updateFromAndDeleteUsing() {
        Update u = Statements.update(N).set(N.text, P.name).from(P).where(N.personId.eq(P.id));
        assertThat(PG.compile(u).sql()).isEqualTo("UPDATE notes SET text = people.name FROM people WHERE notes.person_id = people.id");
        assertThat(SQLITE.compile(u).sql()).isEqualTo(PG.compile(u).sql());
        assertThat(MARIA.compile(u).sql()).isEqualTo("UPDATE notes, people SET notes.text = people.name "
                + "WHERE notes.person_id = people.id");
        Delete d = Statements.delete(N).using(P).where(N.personId.eq(P.id).and(P.name.eq("x")));
        assertThat(PG.compile(d).sql()).isEqualTo("DELETE FROM notes USING people WHERE notes.person_id = people.id AND people.name = ?");
        assertThat(MARIA.compile(d).sql()).isEqualTo("DELETE notes FROM notes, people WHERE notes.person_id = people.id "
                + "AND people.name = ?");
        assertThatThrownBy(() -> SQLITE.compile(d)).isInstanceOf(CompileException.class).hasMessageContaining("in(select(...))");
    }

    @Test
    void valuesTables() {
        ValuesTable v = ValuesTable.of("wanted", java.util.List.of(ValuesTable.column("pid", dev.retort.types.SqlTypes.BIGINT),
                ValuesTable.column("label", dev.retort.types.SqlTypes.varchar(10)))).row(1L, "a").row(2L, "b");
        Select s = select(P.name, v.column("label", String.class)).from(P.join(v, P.id.eq(v.column("pid", Long.class))));
        assertThat(PG.compile(s).sql()).isEqualTo("SELECT people.name, wanted.label FROM people JOIN (VALUES "
                + "(CAST(? AS BIGINT), CAST(? AS VARCHAR(10))), (?, ?)) AS wanted (pid, label) ON people.id = wanted.pid");
        assertThat(SQLITE.compile(s).sql()).isEqualTo("SELECT people.name, wanted.label FROM people JOIN (SELECT ? AS pid, "
                + "? AS label UNION ALL SELECT ?, ?) AS wanted ON people.id = wanted.pid");
        assertThat(s.boundValues()).containsEntry("#1", 1L).containsEntry("#4", "b");
        assertThatThrownBy(() -> v.row("x", "y")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pid");
    }

    @Test
    void lateralJoins() {
        DerivedTable last = select(N.text).where(N.personId.eq(P.id)).orderBy(N.id.desc()).limit(1).subquery("last");
        Select s = select(P.name, last.column("text", String.class)).from(P.outerJoinLateral(last, last.column("text", String.class).isNotNull()));
        assertThat(PG.compile(s).sql()).isEqualTo("SELECT people.name, last.text FROM people LEFT OUTER JOIN LATERAL "
                + "(SELECT notes.text FROM notes WHERE notes.person_id = people.id ORDER BY notes.id DESC LIMIT ?) AS last "
                + "ON last.text IS NOT NULL");
        assertThatThrownBy(() -> MARIA.compile(s)).isInstanceOf(CompileException.class).hasMessageContaining("LATERAL");
        assertThatThrownBy(() -> P.joinLateral(last.isCte() ? null : select(N.id).cte("c"), N.id.isNull()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ctesWithDataChanges() {
        DerivedTable quiet = select(P.id).where(P.bossId.isNull()).cte("quiet");
        Delete d = Statements.delete(N).where(N.personId.in(select(quiet.column(P.id))));
        assertThat(PG.compile(d).sql()).isEqualTo("WITH quiet AS (SELECT people.id FROM people WHERE people.boss_id IS NULL) "
                + "DELETE FROM notes WHERE notes.person_id IN (SELECT quiet.id FROM quiet)");
        assertThatThrownBy(() -> MARIA.compile(d)).isInstanceOf(CompileException.class).hasMessageContaining("WITH before DELETE");
        Insert i = Statements.insert(N).columns(N.personId, N.text).fromSelect(select(quiet.column(P.id), P.name).from(quiet.join(P,
                P.id.eq(quiet.column(P.id)))));
        assertThat(MARIA.compile(i).sql()).startsWith("INSERT INTO notes (person_id, text) WITH quiet AS (");
        assertThat(SQLITE.compile(i).sql()).startsWith("WITH quiet AS (");
    }
}
