package dev.retort.orm.rel;

import dev.retort.engine.Engine;
import dev.retort.orm.Session;
import dev.retort.sql.TableAlias;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.retort.orm.OrmStatements.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Joins along a relationship of an entity with itself, through an alias of the related table. */
class AliasedJoinTest {

    static Engine setUp(TestDatabase db) {
        Engine engine = RelationshipTest.setUp(db);
        Session.runInTransaction(engine, s -> {
            Employee ada = new Employee("ada");
            Employee dan = new Employee("dan");
            for (String name : List.of("bob", "cy")) {
                Employee e = new Employee(name);
                e.manager = ada;
                s.add(e);
            }
            Employee eve = new Employee("eve");
            eve.manager = dan;
            s.addAll(List.of(ada, dan, eve));
        });
        return engine;
    }

    @EachDatabase
    void aReferenceToTheSameEntityJoinsThroughAnAlias(TestDatabase db) {
        Engine engine = setUp(db);
        TableAlias boss = Employee_.TABLE.as("boss");
        try (Session s = Session.open(engine)) {
            List<String> sql = JoinedCollectionLoadingTest.sqlOf(engine, () -> assertThat(s.execute(select(Employee.class)
                    .join(Employee_.MANAGER, boss).where(boss.column(Employee_.NAME).eq("ada")).orderBy(Employee_.NAME)).all())
                    .extracting(e -> e.name).containsExactly("bob", "cy"));
            assertThat(sql).first().asString().contains("FROM employee JOIN employee AS boss ON employee.manager_id = boss.id "
                    + "WHERE boss.name = ?");
        }
    }

    @EachDatabase
    void aCollectionOfTheSameEntityJoinsThroughAnAlias(TestDatabase db) {
        Engine engine = setUp(db);
        TableAlias report = Employee_.TABLE.as("report");
        try (Session s = Session.open(engine)) {
            assertThat(s.execute(select(Employee.class).join(Employee_.REPORTS, report)
                    .where(report.column(Employee_.NAME).eq("eve"))).all()).extracting(e -> e.name).containsExactly("dan");
            assertThat(s.execute(select(Employee.class).outerJoin(Employee_.REPORTS, report)
                    .where(report.column(Employee_.ID).isNull()).orderBy(Employee_.NAME)).all())
                    .extracting(e -> e.name).as("employees without reports").containsExactly("bob", "cy", "eve");
        }
    }

    @Test
    void anAliasOfAnotherTableIsRefusedAndTheUnaliasedJoinNamesTheWayOut() {
        assertThatThrownBy(() -> Employee_.MANAGER.joinCondition(Customer_.TABLE.as("c"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the alias c is of customer").hasMessageContaining("pass an alias of employee");
        assertThatThrownBy(() -> select(Employee.class).join(Employee_.MANAGER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("join(Employee_.MANAGER, boss)");
    }
}
