package dev.retort.sql;

import dev.retort.CompileException;
import dev.retort.dialect.CompiledStatement;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.mysql.MariaDbDialect;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import dev.retort.schema.Column;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.defaultFrom;
import static dev.retort.schema.ColumnOptions.onUpdate;
import static dev.retort.sql.Functions.count;
import static dev.retort.sql.Functions.lower;
import static dev.retort.sql.Statements.bindparam;
import static dev.retort.sql.Statements.delete;
import static dev.retort.sql.Statements.insert;
import static dev.retort.sql.Statements.select;
import static dev.retort.sql.Statements.update;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.TEXT;
import static dev.retort.types.SqlTypes.UUID;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exact SQL and parameter order per dialect for the statement language. */
class StatementCompilerTest {
    private static final Dialect SQLITE = new SqliteDialect();
    private static final Dialect PG = new PostgresDialect();
    private static final Dialect MARIA = new MariaDbDialect();

    static final MetaData MD = new MetaData();

    static final class Users extends Table {
        final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
        final Column<String> name = column("name", varchar(50), NOT_NULL);
        final Column<Integer> age = column("age", INTEGER);
        final Column<String> order = column("order", TEXT);

        Users() {
            super(MD, "users");
        }
    }

    static final class Tokens extends Table {
        final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
        final Column<UUID> token = column("token", UUID, NOT_NULL, defaultFrom(java.util.UUID::randomUUID));
        final Column<Long> version = column("version", BIGINT, onUpdate(() -> 42L));

        Tokens() {
            super(MD, "tokens");
        }
    }

    static final Users U = new Users();
    static final Tokens T = new Tokens();

    private static CompiledStatement sqlite(Executable e) {
        return SQLITE.compile(e);
    }

    @Test
    void selectWhereOrderLimitOnEveryDialect() {
        Select s = select(U.id, U.name).where(U.name.eq("ada").and(U.age.gt(30))).orderBy(U.id.desc()).limit(10).offset(20);
        String common = "SELECT users.id, users.name FROM users WHERE users.name = ? AND users.age > ? ORDER BY users.id DESC";
        assertThat(sqlite(s).sql()).isEqualTo(common + " LIMIT ? OFFSET ?");
        assertThat(PG.compile(s).sql()).isEqualTo(common + " LIMIT ? OFFSET ?");
        assertThat(MARIA.compile(s).sql()).isEqualTo(common + " LIMIT ? OFFSET ?");
        assertThat(sqlite(s).parameterNames()).containsExactly("#1", "#2", "#3", "#4");
        assertThat(s.boundValues()).containsEntry("#1", "ada").containsEntry("#2", 30).containsEntry("#3", 10L)
                .containsEntry("#4", 20L);
    }

    @Test
    void unlimitedDropsLimitAndOffsetAndKeepsTheRest() {
        Select s = select(U.id).where(U.name.eq("ada")).orderBy(U.id.desc()).limit(10).offset(20).unlimited();
        assertThat(PG.compile(s).sql()).isEqualTo("SELECT users.id FROM users WHERE users.name = ? ORDER BY users.id DESC");
        assertThat(s.limit()).isNull();
        assertThat(s.offset()).isNull();
        assertThat(s.boundValues()).containsOnly(java.util.Map.entry("#1", "ada"));
    }

    /** LIMIT and OFFSET take Java longs, bound as parameters: no text can reach them. */
    @Test
    void negativeLimitOrOffsetIsRefusedWithTheParameterNamed() {
        assertThatThrownBy(() -> select(U.id).limit(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit(n): n must not be negative, got -1");
        assertThatThrownBy(() -> select(U.id).offset(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offset(n): n must not be negative, got " + Long.MIN_VALUE);
        assertThat(select(U.id).limit(Long.MAX_VALUE).boundValues()).containsEntry("#1", Long.MAX_VALUE);
        CompoundSelect both = select(U.id).union(select(U.id));
        assertThatThrownBy(() -> both.limit(-5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit(n): n must not be negative, got -5");
        assertThatThrownBy(() -> both.offset(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offset(n): n must not be negative, got -1");
    }

    @Test
    void offsetWithoutLimit() {
        Select s = select(U.id).offset(5);
        assertThat(sqlite(s).sql()).isEqualTo("SELECT users.id FROM users LIMIT -1 OFFSET ?");
        assertThat(PG.compile(s).sql()).isEqualTo("SELECT users.id FROM users OFFSET ?");
        assertThat(MARIA.compile(s).sql()).isEqualTo("SELECT users.id FROM users LIMIT 18446744073709551615 OFFSET ?");
    }

    @Test
    void reservedColumnNamesAreQuotedPerDialect() {
        Select s = select(U.order).where(U.order.isNotNull());
        assertThat(PG.compile(s).sql()).isEqualTo("SELECT users.\"order\" FROM users WHERE users.\"order\" IS NOT NULL");
        assertThat(MARIA.compile(s).sql()).isEqualTo("SELECT users.`order` FROM users WHERE users.`order` IS NOT NULL");
    }

    @Test
    void selectTableMeansEveryColumn() {
        assertThat(sqlite(select(U)).sql()).isEqualTo("SELECT users.id, users.name, users.age, users.\"order\" FROM users");
    }

    @Test
    void precedenceGetsParentheses() {
        Predicate p = U.name.eq("a").or(U.name.eq("b")).and(U.age.isNull().or(U.age.lt(3)).not());
        assertThat(sqlite(select(U.id).where(p)).sql()).isEqualTo("SELECT users.id FROM users WHERE "
                + "(users.name = ? OR users.name = ?) AND NOT (users.age IS NULL OR users.age < ?)");
        Expression<Integer> e = U.age.plus(1).times(2).minus(U.age.minus(3));
        assertThat(sqlite(select(e)).sql()).isEqualTo("SELECT (users.age + ?) * ? - (users.age - ?) FROM users");
    }

    @Test
    void nullComparisonsAndInLists() {
        assertThat(sqlite(select(U.id).where(U.age.eq((Integer) null))).sql()).endsWith("WHERE users.age IS NULL");
        assertThat(sqlite(select(U.id).where(U.age.ne((Integer) null))).sql()).endsWith("WHERE users.age IS NOT NULL");
        assertThat(sqlite(select(U.id).where(U.age.in(List.of(1, 2, 3)))).sql()).endsWith("WHERE users.age IN (?, ?, ?)");
        assertThat(sqlite(select(U.id).where(U.age.in(List.of()))).sql()).endsWith("WHERE 1 = 0");
        assertThat(sqlite(select(U.id).where(U.age.notIn(List.of()))).sql()).endsWith("WHERE 1 = 1");
        assertThatThrownBy(() -> U.age.lt((Integer) null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("isNull()");
    }

    @Test
    void likeFormsEscapeWildcardsOfLiteralMatches() {
        Select s = select(U.id).where(U.name.contains("50%_off!\\"));
        assertThat(sqlite(s).sql()).endsWith("WHERE users.name LIKE ? ESCAPE '!'");
        assertThat(MARIA.compile(s).sql()).endsWith("WHERE users.name LIKE ? ESCAPE '!'");
        assertThat(s.boundValues()).containsEntry("#1", "%50!%!_off!!\\%");
        assertThat(PG.compile(select(U.id).where(U.name.ilike("a%"))).sql()).endsWith("WHERE users.name ILIKE ?");
        assertThat(sqlite(select(U.id).where(U.name.ilike("a%"))).sql()).endsWith("WHERE lower(users.name) LIKE lower(?)");
    }

    @Test
    void aggregatesGroupByHavingAndNullsOrdering() {
        Select s = select(U.age, count().as("n")).groupBy(U.age).having(count().gt(1L))
                .orderBy(U.age.asc().nullsLast(), lower(U.name).desc());
        assertThat(PG.compile(s).sql()).isEqualTo("SELECT users.age, COUNT(*) AS n FROM users GROUP BY users.age "
                + "HAVING COUNT(*) > ? ORDER BY users.age ASC NULLS LAST, LOWER(users.name) DESC");
        assertThat(MARIA.compile(s).sql()).endsWith("ORDER BY users.age IS NULL ASC, users.age ASC, LOWER(users.name) DESC");
    }

    @Test
    void sameShapeSameKeyDifferentValues() {
        Select a = select(U.id).where(U.name.eq("x").and(U.age.in(List.of(1, 2))));
        Select b = select(U.id).where(U.name.eq("y").and(U.age.in(List.of(7, 8))));
        Select c = select(U.id).where(U.name.eq("y").and(U.age.in(List.of(7, 8, 9))));
        assertThat(a.cacheKey()).isEqualTo(b.cacheKey()).hasSameHashCodeAs(b.cacheKey());
        assertThat(a.cacheKey()).isNotEqualTo(c.cacheKey());
        assertThat(a.boundValues()).isNotEqualTo(b.boundValues());
        assertThat(select(U.id).where(U.name.eq("x")).cacheKey()).isNotEqualTo(select(U.id).where(U.name.ne("x")).cacheKey());
    }

    @Test
    void insertOneRowManyRowsAndDefaults() {
        assertThat(sqlite(insert(U).value(U.name, "ada").value(U.age, 36)).sql())
                .isEqualTo("INSERT INTO users (name, age) VALUES (?, ?)");
        Insert many = insert(U).columns(U.name, U.age).values("ada", 36).values("grace", null);
        assertThat(PG.compile(many).sql()).isEqualTo("INSERT INTO users (name, age) VALUES (?, ?), (?, ?)");
        assertThat(many.boundValues()).containsEntry("#3", "grace").containsEntry("#4", null);
        assertThatThrownBy(() -> insert(U).columns(U.name, U.age).values("ada", "36"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column users.age holds Integer (INTEGER), not String");
        Insert token = insert(T).value(T.id, 1L);
        assertThat(sqlite(token).sql()).isEqualTo("INSERT INTO tokens (id, token) VALUES (?, ?)");
        Object first = token.boundValues().get("#2");
        assertThat(first).isInstanceOf(java.util.UUID.class).isNotEqualTo(token.boundValues().get("#2"));
        assertThat(sqlite(insert(U)).sql()).isEqualTo("INSERT INTO users DEFAULT VALUES");
        assertThat(MARIA.compile(insert(U)).sql()).isEqualTo("INSERT INTO users () VALUES ()");
    }

    @Test
    void updateAndDeleteRefuseToTouchEveryRowUnlessAsked() {
        Update up = update(U).set(U.age, U.age.plus(1)).where(U.id.eq(5L));
        assertThat(sqlite(up).sql()).isEqualTo("UPDATE users SET age = users.age + ? WHERE users.id = ?");
        assertThatThrownBy(() -> sqlite(update(U).set(U.age, 1))).isInstanceOf(CompileException.class)
                .hasMessageContaining("UPDATE users has no WHERE clause").hasMessageContaining("whereAll()");
        assertThat(sqlite(update(U).set(U.age, 1).whereAll()).sql()).isEqualTo("UPDATE users SET age = ?");
        assertThat(sqlite(delete(U).where(U.id.in(List.of(1L, 2L)))).sql()).isEqualTo("DELETE FROM users WHERE users.id IN (?, ?)");
        assertThatThrownBy(() -> sqlite(delete(U))).isInstanceOf(CompileException.class).hasMessageContaining("DELETE FROM users");
        assertThat(sqlite(update(T).set(T.token, java.util.UUID.randomUUID()).where(T.id.eq(1L))).sql())
                .isEqualTo("UPDATE tokens SET token = ?, version = ? WHERE tokens.id = ?");
        assertThatThrownBy(() -> update(U).set(T.version, 1L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("of another table");
    }

    @Test
    void namedParametersTakeTheirValuesAtExecution() {
        Select s = select(U.id).where(U.name.eq(bindparam("who", varchar(50))));
        CompiledStatement c = sqlite(s);
        assertThat(c.sql()).endsWith("WHERE users.name = ?");
        assertThat(c.parameterNames()).containsExactly("who");
        assertThat(s.boundValues()).isEmpty();
        assertThatThrownBy(() -> bindparam("1x", TEXT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsReadableSql() {
        assertThat(select(U.name).where(U.id.eq(1L)).toString()).isEqualTo("SELECT users.name FROM users WHERE users.id = ?");
        assertThat(delete(U).toString()).startsWith("DELETE FROM users (").contains("whereAll()");
        assertThat(update(U).set(U.age, 3).where(U.id.eq(2L)).toString()).isEqualTo("UPDATE users SET age = ? WHERE users.id = ?");
    }
}
