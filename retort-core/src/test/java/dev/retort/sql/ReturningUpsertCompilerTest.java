package dev.retort.sql;

import dev.retort.CompileException;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.ServerVersion;
import dev.retort.dialect.mysql.MariaDbDialect;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.retort.sql.Statements.delete;
import static dev.retort.sql.Statements.insert;
import static dev.retort.sql.Statements.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReturningUpsertCompilerTest {
    private static final Dialect SQLITE = new SqliteDialect();
    private static final Dialect PG = new PostgresDialect();
    private static final Dialect MARIA = new MariaDbDialect(ServerVersion.parse("10.11.19-MariaDB"));
    private static final StatementCompilerTest.Users U = StatementCompilerTest.U;

    /** A table whose key the application chooses. */
    static final class Codes extends dev.retort.schema.Table {
        final dev.retort.schema.Column<String> code = column("code", dev.retort.types.SqlTypes.varchar(10),
                dev.retort.schema.ColumnOptions.PRIMARY_KEY);

        Codes() {
            super(new dev.retort.schema.MetaData(), "codes");
        }
    }

    private static final Codes CODES = new Codes();

    @Test
    void returningWhereTheDatabaseHasIt() {
        Insert ins = insert(U).value(U.name, "ada").returning(U.id, U.name);
        assertThat(PG.compile(ins).sql()).isEqualTo("INSERT INTO users (name) VALUES (?) RETURNING id, name");
        assertThat(SQLITE.compile(ins).sql()).isEqualTo("INSERT INTO users (name) VALUES (?) RETURNING id, name");
        assertThat(MARIA.compile(ins).sql()).isEqualTo("INSERT INTO users (name) VALUES (?) RETURNING id, name");
        assertThat(ins.resultTypes()).hasSize(2);
        Update up = update(U).set(U.age, 1).where(U.id.eq(1L)).returning(U.age);
        assertThat(PG.compile(up).sql()).isEqualTo("UPDATE users SET age = ? WHERE users.id = ? RETURNING age");
        assertThatThrownBy(() -> MARIA.compile(up)).isInstanceOf(CompileException.class)
                .hasMessage("UPDATE ... RETURNING is not supported by MariaDB 10.11.19 (only INSERT and DELETE). "
                        + "Select the rows of users again after the UPDATE.");
        assertThat(MARIA.compile(delete(U).where(U.id.eq(1L)).returning(U.id)).sql())
                .isEqualTo("DELETE FROM users WHERE users.id = ? RETURNING id");
        Dialect old = new MariaDbDialect(ServerVersion.parse("10.4.3-MariaDB"));
        assertThatThrownBy(() -> old.compile(ins)).isInstanceOf(CompileException.class)
                .hasMessageContaining("INSERT ... RETURNING is not supported by MariaDB 10.4.3 (only DELETE)");
        Dialect oldSqlite = new SqliteDialect(ServerVersion.parse("3.34.1"));
        assertThatThrownBy(() -> oldSqlite.compile(ins)).isInstanceOf(CompileException.class)
                .hasMessageContaining("SQLite 3.34.1");
    }

    @Test
    void generatedKeyThroughJdbcWhereInsertReturningIsMissing() {
        Dialect old = new MariaDbDialect(ServerVersion.parse("10.4.3-MariaDB"));
        var keyOnly = old.compile(insert(U).value(U.name, "ada").returning(U.id));
        assertThat(keyOnly.sql()).isEqualTo("INSERT INTO users (name) VALUES (?)");
        assertThat(keyOnly.generatedKey()).isEqualTo("id");
        assertThat(MARIA.compile(insert(U).value(U.name, "ada").returning(U.id)).generatedKey()).isNull();
        assertThat(old.compile(insert(U).value(U.name, "ada")).generatedKey()).isNull();
        assertThatThrownBy(() -> old.compile(insert(U).value(U.name, "ada").returning(U.name)))
                .isInstanceOf(CompileException.class)
                .hasMessage("INSERT ... RETURNING is not supported by MariaDB 10.4.3 (only DELETE): an INSERT into users "
                        + "can return only its generated key id, read through JDBC generated keys. Return just id, or "
                        + "select the other values of users after the INSERT.");
        assertThatThrownBy(() -> old.compile(insert(CODES).value(CODES.code, "c").returning(CODES.code)))
                .isInstanceOf(CompileException.class)
                .hasMessageEndingWith(": codes has no database-generated key to read through JDBC instead. "
                        + "Select the row again after the INSERT.");
        assertThatThrownBy(() -> old.compile(insert(U).columns(U.name).values("a").values("b").returning(U.id)))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("the generated key of users.id can be returned for a plain single-row INSERT only");
        assertThatThrownBy(() -> old.compile(insert(U).value(U.id, 1L).value(U.name, "a")
                .onConflictDoNothing(U.id).returning(U.id)))
                .hasMessageContaining("plain single-row INSERT only");
    }

    @Test
    void upsertPerDialect() {
        Insert up = insert(U).value(U.id, 1L).value(U.name, "ada")
                .onConflictDoUpdate(List.of(U.id), u -> u.set(U.name, Excluded.of(U.name)).set(U.age, U.age.plus(1)));
        assertThat(PG.compile(up).sql()).isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) "
                + "DO UPDATE SET name = EXCLUDED.name, age = users.age + ?");
        assertThat(SQLITE.compile(up).sql()).isEqualTo(PG.compile(up).sql());
        assertThat(MARIA.compile(up).sql()).isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) "
                + "ON DUPLICATE KEY UPDATE name = VALUES(name), age = users.age + ?");
        Insert nothing = insert(U).value(U.id, 1L).value(U.name, "ada").onConflictDoNothing(U.id);
        assertThat(PG.compile(nothing).sql()).endsWith(" ON CONFLICT (id) DO NOTHING");
        assertThat(MARIA.compile(nothing).sql()).endsWith(" ON DUPLICATE KEY UPDATE id = id");
        Insert guarded = insert(U).value(U.id, 1L).value(U.name, "ada")
                .onConflictDoUpdate(List.of(U.id), u -> u.set(U.name, Excluded.of(U.name)).where(U.age.lt(10)));
        assertThat(PG.compile(guarded).sql()).endsWith("DO UPDATE SET name = EXCLUDED.name WHERE users.age < ?");
        assertThatThrownBy(() -> MARIA.compile(guarded)).isInstanceOf(CompileException.class).hasMessageContaining("no WHERE");
    }
}
