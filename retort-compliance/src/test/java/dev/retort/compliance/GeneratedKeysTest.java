package dev.retort.compliance;

import dev.retort.CompileException;
import dev.retort.dialect.DatabaseUrl;
import dev.retort.dialect.Dialect;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.EngineOptions;
import dev.retort.engine.Row;
import dev.retort.engine.StatementEvent;
import dev.retort.engine.StatementListener;
import dev.retort.schema.Column;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.OlderServers;
import dev.retort.testkit.TestDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.sql.Statements.bindparam;
import static dev.retort.sql.Statements.insert;
import static dev.retort.sql.Statements.select;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code insert(...).returning(key)} on a server without INSERT ... RETURNING (MariaDB before
 * 10.5, SQLite before 3.35, MySQL): the key comes from JDBC generated keys. The servers here are
 * newer, so the engine is given a dialect pinned to an older version: the SQL it sends has no
 * RETURNING, and the keys are the driver's.
 */
class GeneratedKeysTest {

    static final class Notes extends Table {
        final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
        final Column<String> body = column("body", varchar(40));

        Notes(MetaData md) {
            super(md, "notes");
        }
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.MARIADB})
    void singleRowInsertReturnsItsGeneratedKey(TestDatabase db) {
        Dialect dialect = OlderServers.withoutReturning(db.kind());
        var ds = new DataSourceEngineTest.PlainDataSource(dialect.jdbcTarget(DatabaseUrl.parse(db.url())));
        Engine engine = Engine.create(ds, dialect, EngineOptions.defaults());
        List<String> sent = new ArrayList<>();
        engine.addListener(new StatementListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                sent.add(event.sql());
            }
        });
        try {
            MetaData md = new MetaData();
            Notes n = new Notes(md);
            md.createAll(engine);
            try (Connection c = engine.connect()) {
                Row first = c.execute(insert(n).value(n.body, "first").returning(n.id)).one();
                assertThat(first.get(n.id)).isEqualTo(1L);
                assertThat(first.get("id")).isEqualTo(1L);
                assertThat(sent.get(sent.size() - 1)).isEqualTo("INSERT INTO notes (body) VALUES (?)");
                assertThat(c.execute(insert(n).value(n.body, "second").returning(n.id)).scalar(Long.class)).isEqualTo(2L);
                // An explicit key is the generated key too; all-default rows return theirs.
                assertThat(c.execute(insert(n).value(n.id, 100L).value(n.body, "explicit").returning(n.id))
                        .scalar(Long.class)).isEqualTo(100L);
                assertThat(c.execute(insert(n).returning(n.id)).scalar(Long.class)).isEqualTo(101L);
                assertThatThrownBy(() -> c.execute(insert(n).columns(n.body).values("a").values("b").returning(n.id)))
                        .isInstanceOf(CompileException.class)
                        .hasMessageContaining("notes.id can be returned for a plain single-row INSERT only");
                assertThatThrownBy(() -> c.execute(insert(n).value(n.body, "c").returning(n.id, n.body)))
                        .isInstanceOf(CompileException.class)
                        .hasMessageContaining("can return only its generated key id, read through JDBC generated keys");
                // One execution per parameter set, each returning its key.
                var one = insert(n).value(n.body, bindparam("b", n.body.type())).returning(n.id);
                assertThat(c.executeMany(one, List.of(Map.of("b", "x"), Map.of("b", "y"))).scalars(Long.class).all())
                        .containsExactly(102L, 103L);
                c.commit();
                assertThat(c.execute(select(n.id, n.body).orderBy(n.id.asc())).all())
                        .extracting(r -> r.get(n.id) + "=" + r.get(n.body))
                        .containsExactly("1=first", "2=second", "100=explicit", "101=null", "102=x", "103=y");
            }
        } finally {
            engine.close();
        }
    }
}
