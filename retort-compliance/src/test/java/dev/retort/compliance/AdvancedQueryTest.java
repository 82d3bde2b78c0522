package dev.retort.compliance;

import dev.retort.LockTimeoutException;
import dev.retort.dialect.Capability;
import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.schema.Column;
import dev.retort.schema.MetaData;
import dev.retort.schema.Table;
import dev.retort.sql.DerivedTable;
import dev.retort.sql.Lock;
import dev.retort.sql.Window;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static dev.retort.schema.ColumnOptions.NOT_NULL;
import static dev.retort.schema.ColumnOptions.PRIMARY_KEY;
import static dev.retort.schema.ColumnOptions.references;
import static dev.retort.sql.Functions.count;
import static dev.retort.sql.Functions.denseRank;
import static dev.retort.sql.Functions.length;
import static dev.retort.sql.Functions.lower;
import static dev.retort.sql.Functions.rowNumber;
import static dev.retort.sql.Functions.stringAgg;
import static dev.retort.sql.Functions.sum;
import static dev.retort.sql.Statements.insert;
import static dev.retort.sql.Statements.select;
import static dev.retort.types.SqlTypes.BIGINT;
import static dev.retort.types.SqlTypes.INTEGER;
import static dev.retort.types.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CTEs, recursion, set operations, window functions and locking, with the rows they return. */
class AdvancedQueryTest {

    static final class Company {
        final MetaData md = new MetaData();
        final Staff staff = new Staff();

        final class Staff extends Table {
            final Column<Long> id = column("id", BIGINT, PRIMARY_KEY);
            final Column<String> name = column("name", varchar(30), NOT_NULL);
            final Column<String> dept = column("dept", varchar(10), NOT_NULL);
            final Column<Integer> salary = column("salary", INTEGER, NOT_NULL);
            final Column<Long> bossId = column("boss_id", BIGINT, references(this.id));

            Staff() {
                super(md, "staff");
            }
        }
    }

    private static Company.Staff company(Engine engine) {
        Company c = new Company();
        c.md.createAll(engine);
        var s = c.staff;
        try (Connection conn = engine.connect()) {
            conn.execute(insert(s).columns(s.id, s.name, s.dept, s.salary, s.bossId)
                    .values(1L, "Ada", "eng", 300, null).values(2L, "Grace", "eng", 200, 1L)
                    .values(3L, "Linus", "eng", 200, 2L).values(4L, "Barbara", "ops", 150, 1L)
                    .values(5L, "Ken", "ops", 100, 4L));
            conn.commit();
        }
        return s;
    }

    @EachDatabase
    void recursiveCteClimbsTheHierarchy(TestDatabase db) {
        Engine engine = db.engine();
        var s = company(engine);
        DerivedTable chain = select(s.id, s.name, s.bossId).where(s.id.eq(3L)).cte("chain", true)
                .unionAll(self -> select(s.id, s.name, s.bossId).from(s.join(self, s.id.eq(self.column(s.bossId)))));
        try (Connection c = engine.connect()) {
            assertThat(c.execute(select(chain.column(s.name)).from(chain)).scalars(String.class).all())
                    .containsExactlyInAnyOrder("Linus", "Grace", "Ada");
        }
    }

    @EachDatabase
    void ctesDerivedTablesAndSetOperations(TestDatabase db) {
        Engine engine = db.engine();
        var s = company(engine);
        try (Connection c = engine.connect()) {
            DerivedTable payroll = select(s.dept, sum(s.salary).as("total")).groupBy(s.dept).cte("payroll");
            assertThat(c.execute(select(payroll.column(s.dept)).from(payroll).where(payroll.column("total", Integer.class).gt(300)))
                    .scalars(String.class).all()).containsExactly("eng");
            DerivedTable heads = select(s.bossId, count().as("reports")).where(s.bossId.isNotNull()).groupBy(s.bossId).subquery("heads");
            assertThat(c.execute(select(s.name, heads.column("reports", Long.class))
                    .from(s.join(heads, heads.column(s.bossId).eq(s.id))).orderBy(s.name))
                    .map(r -> r.getString(0) + "=" + r.getLong(1)).all()).containsExactly("Ada=2", "Barbara=1", "Grace=1");
            var eng = select(s.name).where(s.dept.eq("eng"));
            var rich = select(s.name).where(s.salary.ge(200));
            assertThat(c.execute(eng.union(select(s.name).where(s.dept.eq("ops"))).orderBy(s.name.asc()).limit(2))
                    .scalars(String.class).all()).containsExactly("Ada", "Barbara");
            assertThat(c.execute(eng.intersect(rich).orderBy(s.name.asc())).scalars(String.class).all())
                    .containsExactly("Ada", "Grace", "Linus");
            assertThat(c.execute(select(s.name).except(rich).orderBy(s.name.desc())).scalars(String.class).all())
                    .containsExactly("Ken", "Barbara");
            assertThat(c.execute(eng.unionAll(rich)).all()).hasSize(6);
        }
    }

    @EachDatabase
    void windowFunctionsRankWithinPartitions(TestDatabase db) {
        Engine engine = db.engine();
        var s = company(engine);
        try (Connection c = engine.connect()) {
            var ranked = c.execute(select(s.name, denseRank().over(Window.partitionBy(s.dept).orderBy(s.salary.desc())).as("r"),
                    sum(s.salary).over(Window.partitionBy(s.dept)).as("dept_total"),
                    rowNumber().over(Window.orderedBy(s.id.asc())).as("n")).orderBy(s.id))
                    .map(r -> r.getString(0) + ":" + r.getLong(1) + ":" + r.getLong(2) + ":" + r.getLong(3)).all();
            assertThat(ranked).containsExactly("Ada:1:700:1", "Grace:2:700:2", "Linus:2:700:3", "Barbara:1:250:4", "Ken:2:250:5");
            assertThat(c.execute(select(stringAgg(lower(s.name), "|")).where(s.dept.eq("ops"))).scalar(String.class))
                    .isIn("barbara|ken", "ken|barbara");
            assertThat(c.execute(select(length(s.name)).where(s.id.eq(4L))).scalar(Integer.class)).isEqualTo(7);
        }
    }

    @EachDatabase
    void nullSafeComparisonTupleInAndInsertFromSelect(TestDatabase db) {
        Engine engine = db.engine();
        var s = company(engine);
        try (Connection c = engine.connect()) {
            assertThat(c.execute(select(s.name).where(s.bossId.isDistinctFrom(1L)).orderBy(s.id)).scalars(String.class).all())
                    .containsExactly("Ada", "Linus", "Ken");
            assertThat(c.execute(select(s.name).where(s.bossId.isNotDistinctFrom(null))).scalars(String.class).all())
                    .containsExactly("Ada");
            assertThat(c.execute(select(s.name).where(dev.retort.sql.Tuple.of(s.dept, s.salary).in(java.util.List.of(
                    java.util.List.of("eng", 200), java.util.List.of("ops", 100)))).orderBy(s.id)).scalars(String.class).all())
                    .containsExactly("Grace", "Linus", "Ken");
            assertThat(c.execute(dev.retort.sql.Statements.insert(s).columns(s.id, s.name, s.dept, s.salary)
                    .fromSelect(select(s.id.plus(100L), s.name.concat(" II"), s.dept, s.salary).where(s.dept.eq("ops"))))
                    .rowCount()).isEqualTo(2);
            assertThat(c.execute(select(s.name).where(s.id.gt(100L)).orderBy(s.id)).scalars(String.class).all())
                    .containsExactly("Barbara II", "Ken II");
            c.rollback();
        }
    }

    @EachDatabase(requires = Capability.UPDATE_FROM)
    void updateReadingAnotherTable(TestDatabase db) {
        Engine engine = db.engine();
        var s = company(engine);
        var boss = s.as("boss");
        try (Connection c = engine.connect()) {
            c.execute(dev.retort.sql.Statements.update(s).set(s.salary, boss.column(s.salary).minus(1)).from(boss)
                    .where(s.bossId.eq(boss.column(s.id)).and(s.dept.eq("ops"))));
            assertThat(c.execute(select(s.salary).where(s.id.eq(5L))).scalar(Integer.class)).isEqualTo(149);
            c.rollback();
        }
    }

    @EachDatabase(requires = Capability.DELETE_USING)
    void deleteReadingAnotherTable(TestDatabase db) {
        Engine engine = db.engine();
        var s = company(engine);
        var boss = s.as("boss");
        try (Connection c = engine.connect()) {
            assertThat(c.execute(dev.retort.sql.Statements.delete(s).using(boss)
                    .where(s.bossId.eq(boss.column(s.id)).and(boss.column(s.name).eq("Barbara")))).rowCount()).isEqualTo(1);
            assertThat(c.execute(select(count()).from(s)).scalar(Long.class)).isEqualTo(4L);
            c.rollback();
        }
    }

    @EachDatabase
    void valuesTableJoinsLikeATable(TestDatabase db) {
        Engine engine = db.engine();
        var s = company(engine);
        var raise = dev.retort.sql.ValuesTable.of("raise", java.util.List.of(
                dev.retort.sql.ValuesTable.column("who", BIGINT), dev.retort.sql.ValuesTable.column("pct", INTEGER)))
                .row(2L, 10).row(5L, 20);
        try (Connection c = engine.connect()) {
            assertThat(c.execute(select(s.name, raise.column("pct", Integer.class))
                    .from(s.join(raise, s.id.eq(raise.column("who", Long.class)))).orderBy(s.id))
                    .map(r -> r.getString(0) + "+" + r.getInt(1)).all()).containsExactly("Grace+10", "Ken+20");
        }
    }

    @EachDatabase(requires = Capability.LATERAL)
    void lateralSubqueryPicksTheTopReportOfEachBoss(TestDatabase db) {
        Engine engine = db.engine();
        var s = company(engine);
        var r = s.as("r");
        DerivedTable top = select(r.column(s.name).as("report"), r.column(s.salary).as("pay"))
                .where(r.column(s.bossId).eq(s.id)).orderBy(r.column(s.salary).desc(), r.column(s.id).asc()).limit(1)
                .subquery("top");
        try (Connection c = engine.connect()) {
            assertThat(c.execute(select(s.name, top.column("report", String.class))
                    .from(s.joinLateral(top, top.column("pay", Integer.class).isNotNull())).orderBy(s.id))
                    .map(row -> row.getString(0) + ">" + row.getString(1)).all())
                    .containsExactly("Ada>Grace", "Grace>Linus", "Barbara>Ken");
        }
    }

    @EachDatabase
    void cteFeedsAnInsertSelect(TestDatabase db) {
        Engine engine = db.engine();
        var s = company(engine);
        DerivedTable ops = select(s.id, s.name, s.salary).where(s.dept.eq("ops")).cte("ops");
        try (Connection c = engine.connect()) {
            assertThat(c.execute(insert(s).columns(s.id, s.name, s.dept, s.salary)
                    .fromSelect(select(ops.column(s.id).plus(50L), ops.column(s.name), ops.column(s.salary).cast(varchar(10)),
                            ops.column(s.salary)).from(ops))).rowCount()).isEqualTo(2);
            assertThat(c.execute(select(count()).from(s).where(s.id.gt(50L))).scalar(Long.class)).isEqualTo(2L);
            c.rollback();
        }
    }

    @EachDatabase(requires = Capability.CTE_BEFORE_DML)
    void cteBeforeADelete(TestDatabase db) {
        Engine engine = db.engine();
        var s = company(engine);
        DerivedTable cheap = select(s.id).where(s.salary.lt(160)).cte("cheap");
        try (Connection c = engine.connect()) {
            assertThat(c.execute(dev.retort.sql.Statements.delete(s).where(s.id.in(select(cheap.column(s.id))))).rowCount())
                    .isEqualTo(2);
            c.rollback();
        }
    }

    /** Another transaction's lock makes FOR UPDATE NOWAIT fail at once with a lock error. */
    @EachDatabase(requires = Capability.ROW_LOCKING)
    void forUpdateLocksRows(TestDatabase db) {
        Engine engine = db.engine();
        var s = company(engine);
        try (Connection holder = engine.connect(); Connection other = engine.connect()) {
            assertThat(holder.execute(select(s.name).where(s.id.eq(1L)).forUpdate()).scalar(String.class)).isEqualTo("Ada");
            assertThatThrownBy(() -> other.execute(select(s.name).where(s.id.eq(1L)).forUpdate(Lock.Wait.NOWAIT)).all())
                    .isInstanceOf(LockTimeoutException.class);
            other.rollback();
            assertThat(other.execute(select(s.name).where(s.id.eq(2L)).forUpdate(Lock.Wait.NOWAIT)).scalar(String.class))
                    .isEqualTo("Grace");
            holder.rollback();
            other.rollback();
        }
    }
}
