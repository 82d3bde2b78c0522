package dev.retort.schema;

import dev.retort.DefinitionException;
import dev.retort.types.SqlTypes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.NULLABLE;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.key;
import static dev.retort.schema.ColumnOptions.references;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Definition mistakes fail when the table is defined, naming table and column. */
class DefinitionTest {

    static final class Groups extends Table {
        final Column<Integer> id = column("id", INTEGER, PRIMARY_KEY);

        Groups(MetaData md) {
            super(md, "groups");
        }
    }

    @Test
    void tableClassAndBuilderDescribeTheSameTable() {
        MetaData md = new MetaData();
        Groups groups = new Groups(md);
        Table built = Table.builder("members").metadata(md).column("id", BIGINT, PRIMARY_KEY)
                .column("group_id", INTEGER, NOT_NULL, references(groups.id), key("groupId")).build();
        assertThat(md.tables()).containsExactly(groups, built);
        assertThat(built.column("groupId")).isSameAs(built.column("group_id"));
        assertThat(built.column("group_id", Integer.class).type()).isEqualTo(SqlTypes.INTEGER);
        assertThat(built.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.referredTable()).isSameAs(groups);
            assertThat(fk.referredColumns()).containsExactly(groups.id);
        });
        assertThat(groups.id.isAutoincrement()).isTrue();
        assertThat(built.column("group_id").isAutoincrement()).isFalse();
        assertThat(built.column("id").isNullable()).isFalse();
        assertThatThrownBy(() -> built.column("group_id", String.class)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("members.group_id holds Integer");
    }

    @Test
    void duplicateColumnName() {
        assertThatThrownBy(() -> Table.builder("users").column("email", varchar(10)).column("email", varchar(20)).build())
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Table users already has a column named email. Column names must be unique within a table.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void foreignKeyToAColumnOfAnotherType() {
        MetaData md = new MetaData();
        Groups groups = new Groups(md);
        assertThatThrownBy(() -> Table.builder("members").metadata(md).column("group_id", BIGINT, references(
                (Column<Long>) (Column<?>) groups.id)).build())
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("members.group_id (BIGINT) refers to groups.id (INTEGER)")
                .hasMessageContaining("Declare members.group_id with the type of groups.id");
    }

    @Test
    void foreignKeyByNameToAMissingTableOrColumnFailsWhenTheMetaDataIsUsed() {
        MetaData md = new MetaData();
        Table.builder("members").metadata(md).column("id", INTEGER, PRIMARY_KEY).column("group_id", INTEGER)
                .foreignKey(List.of("group_id"), "groups", List.of("id"), ForeignKeyOptions.defaults()).build();
        assertThatThrownBy(md::sortedTables).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("refers to table groups, which is not defined in this MetaData");
        Table.builder("groups").metadata(md).column("gid", INTEGER, PRIMARY_KEY).build();
        assertThatThrownBy(md::sortedTables).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("refers to column groups.id, which does not exist; groups has [gid]");
    }

    @Test
    void nullablePrimaryKey() {
        assertThatThrownBy(() -> Table.builder("t").column("id", INTEGER, PRIMARY_KEY, NULLABLE).build())
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("t.id is part of the primary key and cannot be nullable");
        assertThatThrownBy(() -> Table.builder("t").column("a", INTEGER, NULLABLE).column("b", INTEGER)
                .primaryKey(null, "a", "b").build())
                .isInstanceOf(DefinitionException.class).hasMessageContaining("t.a is part of the primary key");
    }

    @Test
    void primaryKeyDeclaredTwice() {
        assertThatThrownBy(() -> Table.builder("t").column("a", INTEGER, PRIMARY_KEY).column("b", INTEGER)
                .primaryKey(null, "b").build())
                .isInstanceOf(DefinitionException.class).hasMessageContaining("declares its primary key twice");
    }

    @Test
    void emptyTable() {
        assertThatThrownBy(() -> Table.builder("nothing").build()).isInstanceOf(DefinitionException.class)
                .hasMessage("Table nothing has no columns. Define at least one column.");
        MetaData md = new MetaData();
        new Table(md, "empty_class") {
        };
        assertThatThrownBy(md::sortedTables).isInstanceOf(DefinitionException.class).hasMessageContaining("empty_class");
    }

    @Test
    void identifierTooLongForPostgres() {
        String name = "c".repeat(64);
        assertThatThrownBy(() -> Table.builder("t").column(name, INTEGER).build())
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("Column name '" + name + "' in table t is 64 bytes long; PostgreSQL holds at most 63");
        String multibyte = "é".repeat(32);
        assertThatThrownBy(() -> Table.builder(multibyte).column("id", INTEGER).build())
                .isInstanceOf(DefinitionException.class).hasMessageContaining("64 bytes");
        assertThat(Table.builder("t".repeat(63)).column("id", INTEGER).build().name()).hasSize(63);
    }

    @Test
    void duplicateTableInOneMetaData() {
        MetaData md = new MetaData();
        Table.builder("t").metadata(md).column("id", INTEGER).build();
        assertThatThrownBy(() -> Table.builder("t").metadata(md).column("id", INTEGER).build())
                .isInstanceOf(DefinitionException.class).hasMessageContaining("already has a table named t");
    }

    @Test
    void namingConventionNamesConstraints() {
        MetaData md = MetaData.builder().namingConvention(NamingConvention.of(Map.of(
                "pk", "pk_%(table_name)s", "uq", "uq_%(table_name)s_%(column_0N_name)s",
                "ck", "ck_%(table_name)s_%(constraint_name)s", "ix", "ix_%(column_0_label)s"))).build();
        Table t = Table.builder("users").metadata(md).column("id", INTEGER, PRIMARY_KEY).column("a", INTEGER)
                .column("b", INTEGER).unique(null, "a", "b").check("positive_a", "a > 0").index(null, false, "b").build();
        assertThat(t.primaryKey().orElseThrow().name()).isEqualTo("pk_users");
        assertThat(t.uniqueConstraints().get(0).name()).isEqualTo("uq_users_a_b");
        assertThat(t.checkConstraints().get(0).name()).isEqualTo("ck_users_positive_a");
        assertThat(t.indexes().get(0).name()).isEqualTo("ix_users_b");
        assertThatThrownBy(() -> Table.builder("other").metadata(md).column("id", INTEGER).check(null, "id > 0").build())
                .isInstanceOf(DefinitionException.class).hasMessageContaining("give the constraint a name");
        assertThatThrownBy(() -> NamingConvention.of(Map.of("xx", "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'xx'");
    }

    @Test
    void cyclesAreFoundAndSelfReferencesAreNot() {
        MetaData md = new MetaData();
        Table a = Table.builder("a").metadata(md).column("id", INTEGER, PRIMARY_KEY).column("b_id", INTEGER)
                .column("parent_id", INTEGER)
                .foreignKey(List.of("b_id"), "b", List.of("id"), ForeignKeyOptions.defaults())
                .foreignKey(List.of("parent_id"), "a", List.of("id"), ForeignKeyOptions.defaults()).build();
        Table b = Table.builder("b").metadata(md).column("id", INTEGER, PRIMARY_KEY).column("a_id", INTEGER)
                .foreignKey(List.of("a_id"), "a", List.of("id"), ForeignKeyOptions.defaults()).build();
        Table c = Table.builder("c").metadata(md).column("id", INTEGER, PRIMARY_KEY).column("b_id", INTEGER)
                .foreignKey(List.of("b_id"), "b", List.of("id"), ForeignKeyOptions.defaults()).build();
        assertThat(md.deferredForeignKeys(md.tables())).singleElement().satisfies(fk -> assertThat(fk.table()).isSameAs(b));
        List<Table> order = md.sortedTables();
        assertThat(order).containsExactly(b, a, c);
        assertThat(a.foreignKeys().get(1).isSelfReferential()).isTrue();
    }

    @Test
    void aTableBuiltWithoutMetaDataCanBeListedInSeveral() {
        Table free = Table.builder("free").column("id", BIGINT, PRIMARY_KEY).build();
        MetaData first = new MetaData();
        MetaData second = new MetaData();
        assertThat(first.add(free)).isSameAs(free);
        first.add(free);                                  // twice is once
        second.add(free);
        assertThat(first.tables()).containsExactly(free);
        assertThat(second.tables()).containsExactly(free);
        assertThat(free.metadata()).isEmpty();
        Table other = Table.builder("free").column("id", BIGINT, PRIMARY_KEY).build();
        assertThatThrownBy(() -> first.add(other)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("already has a table named free");
        Table owned = Table.builder("owned").metadata(first).column("id", BIGINT, PRIMARY_KEY).build();
        assertThatThrownBy(() -> second.add(owned)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("belongs to another MetaData");
        assertThat(first.add(owned)).isSameAs(owned);
    }
}
