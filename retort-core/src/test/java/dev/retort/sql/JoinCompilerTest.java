package dev.retort.sql;

import dev.retort.CompileException;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.mysql.MariaDbDialect;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import dev.retort.schema.Column;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import org.junit.jupiter.api.Test;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.references;
import static dev.retort.sql.Functions.count;
import static dev.retort.sql.Statements.select;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JoinCompilerTest {
    private static final Dialect SQLITE = new SqliteDialect();
    private static final Dialect PG = new PostgresDialect();
    private static final Dialect MARIA = new MariaDbDialect();

    static final MetaData MD = new MetaData();

    static final class People extends Table {
        final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
        final Column<String> name = column("name", varchar(50), NOT_NULL);
        final Column<Long> bossId = column("boss_id", BIGINT, references(this.id));

        People() {
            super(MD, "people");
        }
    }

    static final People P = new People();

    static final class Trades extends Table {
        final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
        final Column<Long> buyerId = column("buyer_id", BIGINT, references(P.id));
        final Column<Long> sellerId = column("seller_id", BIGINT, references(P.id));

        Trades() {
            super(MD, "trades");
        }
    }

    static final class Notes extends Table {
        final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
        final Column<Long> personId = column("person_id", BIGINT, NOT_NULL, references(P.id));
        final Column<String> text = column("text", varchar(100));

        Notes() {
            super(MD, "notes");
        }
    }

    static final Trades T = new Trades();
    static final Notes N = new Notes();

    @Test
    void joinConditionIsInferredFromTheOneForeignKey() {
        Select s = select(P.name, N.text).join(N);
        assertThat(SQLITE.compile(s).sql()).isEqualTo(
                "SELECT people.name, notes.text FROM people JOIN notes ON notes.person_id = people.id");
        assertThat(SQLITE.compile(select(P.name, count(N.id)).outerJoin(N).groupBy(P.name)).sql()).isEqualTo(
                "SELECT people.name, COUNT(notes.id) FROM people LEFT OUTER JOIN notes ON notes.person_id = people.id "
                        + "GROUP BY people.name");
    }

    @Test
    void ambiguousOrMissingForeignKeysAreClearErrors() {
        assertThatThrownBy(() -> P.join(T)).isInstanceOf(CompileException.class)
                .hasMessage("Cannot infer the join between people and trades: 2 foreign keys link them "
                        + "(trades.buyer_id, trades.seller_id). Pass an explicit ON condition.");
        assertThatThrownBy(() -> T.join(N)).isInstanceOf(CompileException.class)
                .hasMessageContaining("no foreign key links them");
        Select explicit = select(P.name).from(P.join(T, T.buyerId.eq(P.id)));
        assertThat(PG.compile(explicit).sql()).isEqualTo("SELECT people.name FROM people JOIN trades ON trades.buyer_id = people.id");
    }

    @Test
    void aliasesJoinATableToItself() {
        TableAlias boss = P.as("boss");
        Select s = select(P.name, boss.column(P.name).as("boss_name"))
                .from(P.outerJoin(boss, P.bossId.eq(boss.column(P.id))));
        assertThat(MARIA.compile(s).sql()).isEqualTo("SELECT people.name, boss.name AS boss_name FROM people "
                + "LEFT OUTER JOIN people AS boss ON people.boss_id = boss.id");
        Select same = select(P.name, P.as("boss").column(P.name).as("boss_name"))
                .from(P.outerJoin(P.as("boss"), P.bossId.eq(P.as("boss").column(P.id))));
        assertThat(same.cacheKey()).isEqualTo(s.cacheKey());
        TableAlias buyer = P.as("buyer");
        assertThat(SQLITE.compile(select(T.id, buyer.column(P.name)).from(T.join(buyer, T.buyerId.eq(buyer.column(P.id))))).sql())
                .isEqualTo("SELECT trades.id, buyer.name FROM trades JOIN people AS buyer ON trades.buyer_id = buyer.id");
    }

    @Test
    void fullOuterJoinWhereTheDatabaseHasIt() {
        Select s = select(P.name, N.text).from(P.fullOuterJoin(N, N.personId.eq(P.id)));
        assertThat(PG.compile(s).sql()).contains("FROM people FULL OUTER JOIN notes ON notes.person_id = people.id");
        assertThatThrownBy(() -> MARIA.compile(s)).isInstanceOf(CompileException.class)
                .hasMessageContaining("FULL OUTER JOIN is not supported by MariaDB");
        assertThat(SQLITE.compile(select(P.name).from(P.crossJoin(N))).sql()).isEqualTo("SELECT people.name FROM people CROSS JOIN notes");
    }

    @Test
    void addColumnsExtendsTheSelectListOfAnAliasedOuterJoin() {
        TableAlias boss = P.as("boss");
        Select base = select(P.id, P.name).from(P).outerJoin(boss, boss.column(P.id).eq(P.bossId)).where(P.name.eq("ada"));
        Select wider = base.addColumns(boss.column(P.id), boss.column(P.name));
        assertThat(SQLITE.compile(wider).sql()).isEqualTo("SELECT people.id, people.name, boss.id, boss.name FROM people "
                + "LEFT OUTER JOIN people AS boss ON boss.id = people.boss_id WHERE people.name = ?");
        assertThat(base.items()).hasSize(2);
        assertThat(wider.resultExpressions()).hasSize(4);
    }

    @Test
    void withOnlyColumnsReplacesTheSelectListAndKeepsTheOtherClauses() {
        Select base = select(P.id, P.name).from(P).where(P.name.eq("ada")).orderBy(P.id).limit(5);
        Select narrower = base.withOnlyColumns(P.id, P.bossId);
        assertThat(SQLITE.compile(narrower).sql())
                .isEqualTo("SELECT people.id, people.boss_id FROM people WHERE people.name = ? ORDER BY people.id ASC LIMIT ?");
        assertThat(base.items()).containsExactly(P.id, P.name);
        assertThatThrownBy(base::withOnlyColumns).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withOnlyColumns(): name at least one column");
    }
}
