package dev.retort.schema;

import dev.retort.CompileException;
import dev.retort.dialect.Capability;
import dev.retort.dialect.ColumnChange;
import dev.retort.dialect.DdlCompiler;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.ServerVersion;
import dev.retort.dialect.mysql.MariaDbDialect;
import dev.retort.dialect.mysql.MysqlDialect;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import dev.retort.types.SqlTypes;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.serverDefaultValue;
import static dev.retort.schema.ColumnOptions.withComment;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exact ALTER TABLE DDL per dialect, as migrations render it offline. */
class AlterDdlCompilerTest {
    private static final DdlCompiler SQLITE = new SqliteDialect().newDdlCompiler();
    private static final DdlCompiler POSTGRES = new PostgresDialect().newDdlCompiler();
    private static final DdlCompiler MARIADB = new MariaDbDialect().newDdlCompiler();

    private static Table users() {
        return Table.builder("users")
                .column("id", BIGINT, PRIMARY_KEY)
                .column("team_id", BIGINT)
                .column("nick", varchar(30), NOT_NULL, serverDefaultValue("it's me"), withComment("Shown"))
                .foreignKey(List.of("team_id"), "teams", List.of("id"),
                        ForeignKeyOptions.defaults().name("fk_users_team").onDelete(ReferentialAction.CASCADE))
                .build();
    }

    @Test
    void addColumnPerDialect() {
        Column<?> nick = users().column("nick");
        assertThat(POSTGRES.addColumn(nick)).containsExactly(
                "ALTER TABLE users ADD COLUMN nick VARCHAR(30) DEFAULT 'it''s me' NOT NULL",
                "COMMENT ON COLUMN users.nick IS 'Shown'");
        assertThat(MARIADB.addColumn(nick)).containsExactly(
                "ALTER TABLE users ADD COLUMN nick VARCHAR(30) DEFAULT 'it''s me' NOT NULL COMMENT 'Shown'");
        assertThat(SQLITE.addColumn(nick)).containsExactly(
                "ALTER TABLE users ADD COLUMN nick VARCHAR(30) DEFAULT 'it''s me' NOT NULL");
    }

    @Test
    void sqliteWritesTheNewColumnsForeignKeyInline() {
        assertThat(SQLITE.addColumn(users().column("team_id"))).containsExactly(
                "ALTER TABLE users ADD COLUMN team_id BIGINT CONSTRAINT fk_users_team REFERENCES teams (id) ON DELETE CASCADE");
        assertThat(POSTGRES.addColumn(users().column("team_id"))).containsExactly(
                "ALTER TABLE users ADD COLUMN team_id BIGINT");
        assertThat(POSTGRES.addForeignKey(users().foreignKeys().get(0))).isEqualTo(
                "ALTER TABLE users ADD CONSTRAINT fk_users_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE");
    }

    @Test
    void dropAndRenameColumnsAndTables() {
        assertThat(POSTGRES.dropColumn("app", "users", "nick")).isEqualTo("ALTER TABLE app.users DROP COLUMN nick");
        assertThat(SQLITE.dropColumn(null, "users", "order")).isEqualTo("ALTER TABLE users DROP COLUMN \"order\"");
        assertThat(MARIADB.renameColumn(null, "users", "nick", "handle"))
                .isEqualTo("ALTER TABLE users RENAME COLUMN nick TO handle");
        assertThat(POSTGRES.renameTable("app", "users", "members")).isEqualTo("ALTER TABLE app.users RENAME TO members");
        assertThat(MARIADB.renameTable("app", "users", "members")).isEqualTo("ALTER TABLE app.users RENAME TO app.members");
        assertThat(SQLITE.renameTable(null, "users", "Members")).isEqualTo("ALTER TABLE users RENAME TO Members");
    }

    @Test
    void olderServersRefuseWhatTheirAlterTableLacks() {
        DdlCompiler oldSqlite = new SqliteDialect(ServerVersion.parse("3.24.0")).newDdlCompiler();
        assertThatThrownBy(() -> oldSqlite.dropColumn(null, "users", "nick")).isInstanceOf(CompileException.class)
                .hasMessageContaining("SQLite 3.24.0").hasMessageContaining("users.nick").hasMessageContaining("rebuild");
        assertThatThrownBy(() -> oldSqlite.renameColumn(null, "users", "nick", "n")).isInstanceOf(CompileException.class)
                .hasMessageContaining("rename column users.nick");
        assertThat(new MariaDbDialect(ServerVersion.parse("10.4.0")).supports(Capability.ALTER_RENAME_COLUMN)).isFalse();
        assertThat(new MysqlDialect(ServerVersion.parse("8.0.36")).supports(Capability.ALTER_RENAME_COLUMN)).isTrue();
        assertThat(new MysqlDialect(ServerVersion.parse("5.7.44")).supports(Capability.ALTER_RENAME_COLUMN)).isFalse();
    }

    @Test
    void alterColumnOnPostgresOneStatementPerAspect() {
        Column<?> nick = users().column("nick");
        assertThat(POSTGRES.alterColumn(nick, EnumSet.allOf(ColumnChange.class))).containsExactly(
                "ALTER TABLE users ALTER COLUMN nick TYPE VARCHAR(30) USING nick::VARCHAR(30)",
                "ALTER TABLE users ALTER COLUMN nick SET NOT NULL",
                "ALTER TABLE users ALTER COLUMN nick SET DEFAULT 'it''s me'");
        Column<?> team = users().column("team_id");
        assertThat(POSTGRES.alterColumn(team, EnumSet.of(ColumnChange.NULLABILITY, ColumnChange.SERVER_DEFAULT)))
                .containsExactly("ALTER TABLE users ALTER COLUMN team_id DROP NOT NULL",
                        "ALTER TABLE users ALTER COLUMN team_id DROP DEFAULT");
        assertThat(POSTGRES.alterColumnRestatesDefinition(EnumSet.allOf(ColumnChange.class))).isFalse();
        assertThat(POSTGRES.alterColumn(nick, Set.of())).isEmpty();
    }

    @Test
    void alterColumnOnMariaDbRestatesTheColumnForTypeAndNullability() {
        Column<?> nick = users().column("nick");
        assertThat(MARIADB.alterColumnRestatesDefinition(EnumSet.of(ColumnChange.TYPE))).isTrue();
        assertThat(MARIADB.alterColumnRestatesDefinition(EnumSet.of(ColumnChange.SERVER_DEFAULT))).isFalse();
        assertThat(MARIADB.alterColumn(nick, EnumSet.of(ColumnChange.NULLABILITY))).containsExactly(
                "ALTER TABLE users MODIFY COLUMN nick VARCHAR(30) DEFAULT 'it''s me' NOT NULL COMMENT 'Shown'");
        assertThat(MARIADB.alterColumn(nick, EnumSet.of(ColumnChange.SERVER_DEFAULT))).containsExactly(
                "ALTER TABLE users ALTER COLUMN nick SET DEFAULT 'it''s me'");
        assertThat(MARIADB.alterColumn(users().column("team_id"), EnumSet.of(ColumnChange.SERVER_DEFAULT)))
                .containsExactly("ALTER TABLE users ALTER COLUMN team_id DROP DEFAULT");
    }

    @Test
    void sqliteCannotAlterColumnsOrConstraints() {
        Table users = users();
        assertThatThrownBy(() -> SQLITE.alterColumn(users.column("nick"), EnumSet.of(ColumnChange.TYPE)))
                .isInstanceOf(CompileException.class).hasMessageContaining("users.nick").hasMessageContaining("rebuild");
        assertThatThrownBy(() -> SQLITE.addCheckConstraint(users, new CheckConstraint("ck_nick", "nick <> ''")))
                .isInstanceOf(CompileException.class).hasMessageContaining("ck_nick");
        assertThatThrownBy(() -> SQLITE.dropUniqueConstraint(null, "users", "uq_nick"))
                .isInstanceOf(CompileException.class).hasMessageContaining("uq_nick");
    }

    @Test
    void constraintsAddedAndDroppedByName() {
        Table users = users();
        UniqueConstraint unique = new UniqueConstraint("uq_users_nick", List.of(users.column("nick")));
        assertThat(POSTGRES.addUniqueConstraint(users, unique)).isEqualTo("ALTER TABLE users ADD CONSTRAINT uq_users_nick UNIQUE (nick)");
        assertThat(MARIADB.addUniqueConstraint(users, unique)).isEqualTo("ALTER TABLE users ADD CONSTRAINT uq_users_nick UNIQUE (nick)");
        assertThat(POSTGRES.dropUniqueConstraint(null, "users", "uq_users_nick"))
                .isEqualTo("ALTER TABLE users DROP CONSTRAINT uq_users_nick");
        assertThat(MARIADB.dropUniqueConstraint(null, "users", "uq_users_nick")).isEqualTo("ALTER TABLE users DROP INDEX uq_users_nick");
        CheckConstraint check = new CheckConstraint("ck_users_nick", "nick <> ''");
        assertThat(POSTGRES.addCheckConstraint(users, check)).isEqualTo("ALTER TABLE users ADD CONSTRAINT ck_users_nick CHECK (nick <> '')");
        assertThat(MARIADB.dropCheckConstraint(null, "users", "ck_users_nick")).isEqualTo("ALTER TABLE users DROP CONSTRAINT ck_users_nick");
        assertThat(POSTGRES.dropForeignKey(null, "users", "fk_users_team")).isEqualTo("ALTER TABLE users DROP CONSTRAINT fk_users_team");
        assertThat(MARIADB.dropForeignKey(null, "users", "fk_users_team")).isEqualTo("ALTER TABLE users DROP FOREIGN KEY fk_users_team");
        assertThat(MARIADB.dropIndex("app", "users", "ix_nick")).isEqualTo("DROP INDEX ix_nick ON app.users");
        assertThat(POSTGRES.dropIndex("app", "users", "ix_nick")).isEqualTo("DROP INDEX app.ix_nick");
    }

    @Test
    void oneTableCreatedAndDroppedWithItsEnumTypeOnPostgres() {
        Table t = Table.builder("tickets").column("id", INTEGER, PRIMARY_KEY)
                .column("state", SqlTypes.enumOf("ticket_state", List.of("open", "closed")), NOT_NULL)
                .column("owner_id", BIGINT)
                .foreignKey(List.of("owner_id"), "users", List.of("id"), ForeignKeyOptions.defaults().name("fk_owner"))
                .index("ix_tickets_state", false, "state").build();
        assertThat(POSTGRES.createTableStatements(t)).containsExactly(
                "CREATE TYPE ticket_state AS ENUM ('open', 'closed')",
                "CREATE TABLE tickets (\n    id INTEGER NOT NULL GENERATED BY DEFAULT AS IDENTITY,\n"
                        + "    state ticket_state NOT NULL,\n    owner_id BIGINT,\n    PRIMARY KEY (id),\n"
                        + "    CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES users (id)\n)",
                "CREATE INDEX ix_tickets_state ON tickets (state)");
        assertThat(POSTGRES.dropTableStatements(t)).containsExactly("DROP TABLE tickets", "DROP TYPE ticket_state");
        assertThat(SQLITE.dropTableStatements(t)).containsExactly("DROP TABLE tickets");
    }

    @Test
    void rebuildHooksAreSqlitesPragmas() {
        assertThat(SQLITE.disableForeignKeys()).containsExactly("PRAGMA foreign_keys = OFF");
        assertThat(SQLITE.enableForeignKeys()).containsExactly("PRAGMA foreign_keys = ON");
        assertThat(SQLITE.foreignKeyCheck()).isEqualTo("PRAGMA foreign_key_check");
        for (DdlCompiler server : List.of(POSTGRES, MARIADB)) {
            assertThat(server.disableForeignKeys()).isEmpty();
            assertThat(server.foreignKeyCheck()).isNull();
        }
    }

    @Test
    void capabilitiesOfTheNewestServers() {
        for (Dialect d : List.of(new PostgresDialect(), new MariaDbDialect())) {
            assertThat(d.supports(Capability.ALTER_COLUMN)).as(d.displayName()).isTrue();
            assertThat(d.supports(Capability.ALTER_DROP_COLUMN)).as(d.displayName()).isTrue();
            assertThat(d.supports(Capability.ALTER_RENAME_COLUMN)).as(d.displayName()).isTrue();
        }
        Dialect sqlite = new SqliteDialect();
        assertThat(sqlite.supports(Capability.ALTER_COLUMN)).isFalse();
        assertThat(sqlite.supports(Capability.ALTER_DROP_COLUMN)).isTrue();
        assertThat(sqlite.supports(Capability.ALTER_RENAME_COLUMN)).isTrue();
    }

    @Test
    void enumTypesAreChangedWithAlterTypeOnPostgres() {
        assertThat(POSTGRES.createEnumType(null, (dev.retort.types.EnumType<?>) SqlTypes.enumOf("mood",
                List.of("happy", "it's ok")))).isEqualTo("CREATE TYPE mood AS ENUM ('happy', 'it''s ok')");
        assertThat(POSTGRES.addEnumValue(null, "mood", "sad", null, null)).isEqualTo("ALTER TYPE mood ADD VALUE 'sad'");
        assertThat(POSTGRES.addEnumValue("app", "mood", "meh", "sad", null))
                .isEqualTo("ALTER TYPE app.mood ADD VALUE 'meh' BEFORE 'sad'");
        assertThat(POSTGRES.addEnumValue(null, "mood", "meh", null, "happy"))
                .isEqualTo("ALTER TYPE mood ADD VALUE 'meh' AFTER 'happy'");
        assertThat(POSTGRES.renameEnumValue(null, "mood", "sad", "blue"))
                .isEqualTo("ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'");
        assertThat(POSTGRES.renameEnumType(null, "mood", "Mood Old")).isEqualTo("ALTER TYPE mood RENAME TO \"Mood Old\"");
        assertThat(POSTGRES.dropEnumType(null, "mood")).isEqualTo("DROP TYPE mood");
        assertThatThrownBy(() -> POSTGRES.addEnumValue(null, "mood", "x", "a", "b")).isInstanceOf(CompileException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void aColumnBecomesAnEnumThroughText() {
        Column<?> mood = Table.builder("people").column("mood", SqlTypes.enumOf("mood", List.of("happy", "sad"))).build()
                .column("mood");
        assertThat(POSTGRES.alterColumn(mood, EnumSet.of(ColumnChange.TYPE)))
                .containsExactly("ALTER TABLE people ALTER COLUMN mood TYPE mood USING mood::text::mood");
    }

    @Test
    void databasesWithoutNamedEnumTypesRefuseTypeStatements() {
        for (DdlCompiler ddl : List.of(SQLITE, MARIADB)) {
            assertThatThrownBy(() -> ddl.addEnumValue(null, "mood", "sad", null, null))
                    .isInstanceOf(CompileException.class)
                    .hasMessageEndingWith("has no named enum types; an enum's labels are part of each column's type "
                            + "there. Change the column's type instead.");
            assertThatThrownBy(() -> ddl.dropEnumType(null, "mood")).isInstanceOf(CompileException.class)
                    .hasMessageStartingWith("Cannot drop enum type mood: ");
        }
    }
}
