package dev.retort.migrate;

import dev.retort.engine.Engine;
import dev.retort.reflect.ReflectedColumn;
import dev.retort.schema.Table;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.ArrayList;
import java.util.List;

import static dev.retort.migrate.Rev.after;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two branches from one revision, applied side by side, then joined by a merge revision. */
class BranchMergeTest {

    private static List<Revision> branches() {
        List<Revision> out = new ArrayList<>();
        out.add(Rev.of("a", after(), ops -> ops.createTable(Table.builder("notes").column("id", BIGINT, PRIMARY_KEY)),
                ops -> ops.dropTable("notes")));
        out.add(Rev.of("b1", after("a"), ops -> ops.addColumn("notes", "title", varchar(40)),
                ops -> ops.dropColumn("notes", "title")));
        out.add(Rev.of("b2", after("a"), ops -> ops.createTable(Table.builder("tags").column("id", BIGINT, PRIMARY_KEY)),
                ops -> ops.dropTable("tags")));
        return out;
    }

    private static List<Revision> merged() {
        List<Revision> out = branches();
        out.add(Rev.of("m", after("b1", "b2"), ops -> ops.addColumn("notes", "tag_count", INTEGER),
                ops -> ops.dropColumn("notes", "tag_count")));
        return out;
    }

    private static List<String> noteColumns(Engine engine) {
        return Snapshots.schema(engine).get("notes").columns().stream().map(ReflectedColumn::name).toList();
    }

    @EachDatabase
    void branchesApplySideBySideAndAMergeJoinsThem(TestDatabase db) {
        Engine engine = db.engine();
        Migrator branched = Migrations.of(RevisionGraph.of(branches())).migrator(engine);

        assertThatThrownBy(() -> branched.upgrade("head")).isInstanceOf(MultipleHeadsException.class)
                .hasMessageContaining("2 heads, b1 (test revision b1), b2 (test revision b2)")
                .hasMessageContaining("Write a merge revision that revises b1 and b2");
        assertThat(Snapshots.schema(engine)).isEmpty();
        assertThat(branched.current()).isEmpty();

        assertThat(branched.upgrade("b1")).extracting(Revision::id).containsExactly("a", "b1");
        assertThat(branched.current()).containsExactly("b1");
        assertThat(branched.upgrade("heads")).extracting(Revision::id).containsExactly("b2");
        assertThat(branched.current()).containsExactly("b1", "b2");
        assertThat(Snapshots.versionRows(engine)).containsExactly("b1", "b2");
        assertThat(Snapshots.schema(engine).keySet()).containsExactly("notes", "tags");
        assertThatThrownBy(() -> branched.downgrade("-1")).isInstanceOf(MultipleHeadsException.class);

        Migrator joined = Migrations.of(RevisionGraph.of(merged())).migrator(engine);
        assertThat(joined.heads()).containsExactly("m");
        assertThat(joined.upgrade("head")).extracting(Revision::id).containsExactly("m");
        assertThat(joined.current()).containsExactly("m");
        assertThat(Snapshots.versionRows(engine)).containsExactly("m");
        assertThat(noteColumns(engine)).containsExactly("id", "title", "tag_count");

        assertThat(joined.downgrade("b1")).extracting(Revision::id).containsExactly("m");
        assertThat(joined.current()).containsExactly("b1", "b2");
        assertThat(joined.downgrade("a")).extracting(Revision::id).containsExactly("b2", "b1");
        assertThat(joined.current()).containsExactly("a");
        assertThat(Snapshots.schema(engine).keySet()).containsExactly("notes");
        assertThat(noteColumns(engine)).containsExactly("id");
        joined.downgrade("base");
        assertThat(Snapshots.schema(engine)).isEmpty();
        assertThat(Snapshots.versionRows(engine)).isEmpty();
    }
}
