package dev.retort.orm.inherit;

import dev.retort.InvalidStateException;
import dev.retort.engine.Engine;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.orm.StaleObjectException;
import dev.retort.orm.StatementCaptureAccess;
import dev.retort.orm.Synchronize;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.schema.Table;
import dev.retort.engine.Row;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.orm.OrmStatements.update;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A single-table hierarchy of three levels (Employee &lt;- Engineer, Manager &lt;- Director) on every
 * database: polymorphic queries, subclass queries, the unit of work, identity and relationships.
 */
class InheritanceTest {
    static final Registry REGISTRY = Registry.of(Department.class, Employee.class, Engineer.class, Manager.class, Director.class,
            Project.class);

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        return engine;
    }

    /** Ids of: an employee, an engineer (mentored by the manager), a manager and a director, in one department. */
    record Staff(long employee, long engineer, long manager, long director, long department) {
    }

    static Staff fill(Engine engine) {
        return Session.inTransaction(engine, s -> {
            Department d = new Department("R&D");
            Employee ada = new Employee("Ada");
            Engineer linus = new Engineer("Linus", "C");
            Manager grace = new Manager("Grace", 1000);
            Director alan = new Director("Alan", 5000, "Bentley");
            linus.mentor = grace;
            for (Employee e : List.of(ada, linus, grace, alan)) {
                e.department = d;
                d.staff.add(e);
            }
            s.add(d);
            s.flush();
            return new Staff(ada.id, linus.id, grace.id, alan.id, d.id);
        });
    }

    static List<String> rows(Engine engine) {
        try (var c = engine.connect()) {
            return c.execute(text("SELECT type, name, language, budget, car FROM staff ORDER BY id")).all().stream()
                    .map(InheritanceTest::describe).toList();
        }
    }

    private static String describe(Row r) {
        Object budget = r.get(3);
        return r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + (budget == null ? null : ((Number) budget).intValue()) + " " + r.get(4);
    }

    @Test
    void theHierarchySharesOneTableWithADiscriminatorAndNullableSubclassColumns() {
        Table staff = EntityMapping.of(Employee.class).table();
        assertThat(EntityMapping.of(Director.class).table()).isSameAs(staff);
        assertThat(REGISTRY.metadata().tables()).filteredOn(t -> t.name().equals("staff")).containsExactly(staff);
        assertThat(staff.columns().stream().map(c -> c.name() + (c.isNullable() ? "" : " NOT NULL")).toList()).containsExactly(
                "id NOT NULL", "name NOT NULL", "version NOT NULL", "department_id", "type NOT NULL",
                "language", "mentor_id", "budget", "car");
        // The metamodel of a subclass exposes the inherited columns: the same Column objects.
        assertThat(Manager_.NAME).isSameAs(Employee_.NAME);
        assertThat(Director_.BUDGET).isSameAs(Manager_.BUDGET);
        assertThat(select(Manager.class).where(Manager_.NAME.eq("Grace")).toString()).isEqualTo(
                "SELECT staff.id, staff.name, staff.version, staff.department_id, staff.type, staff.language, staff.mentor_id, "
                        + "staff.budget, staff.car FROM staff WHERE staff.type IN (?, ?) AND staff.name = ?");
        assertThat(select(Engineer.class).toString()).endsWith(" FROM staff WHERE staff.type = ?");
        assertThat(select(Employee.class).toString()).as("the root's query reads every row").endsWith(" FROM staff");
        assertThat(EntityMapping.of(Director.class).polymorphism().value()).as("the default value: the simple name").isEqualTo("Director");
    }

    @EachDatabase
    void polymorphicQueriesLoadEachRowAsItsOwnClass(TestDatabase db) {
        Engine engine = setUp(db);
        Staff ids = fill(engine);
        try (Session s = Session.open(engine)) {
            // One query for the hierarchy; the departments and mentors come select-in (one query each).
            List<Employee> all = Retort.expectStatements(engine, 3, () ->
                    s.execute(select(Employee.class).orderBy(Employee_.NAME)).all());
            assertThat(all).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("Employee", "Director", "Manager", "Engineer");
            assertThat(all).extracting(Employee::name).containsExactly("Ada", "Alan", "Grace", "Linus");
            Director alan = (Director) all.get(1);
            Manager grace = (Manager) all.get(2);
            Engineer linus = (Engineer) all.get(3);
            assertThat(linus.language).isEqualTo("C");
            assertThat(grace.budget()).isEqualTo(1000);
            assertThat(alan.budget()).isEqualTo(5000);
            assertThat(alan.car).isEqualTo("Bentley");
            assertThat(linus.mentor).as("a reference to a subclass, loaded select-in").isSameAs(grace);
            assertThat(all).allSatisfy(e -> assertThat(e.department.id).isEqualTo(ids.department()));

            List<Manager> managers = Retort.expectStatements(engine, 1, () ->
                    s.execute(select(Manager.class).orderBy(Manager_.NAME)).all());
            assertThat(managers).containsExactly(alan, grace);
            assertThat(s.execute(select(Director.class)).all()).containsExactly(alan);
            assertThat(s.execute(select(Engineer.class).where(Engineer_.LANGUAGE.eq("C"))).all()).containsExactly(linus);
            assertThat(s.execute(select(Manager.class).where(Manager_.NAME.eq("Alan"))).all()).containsExactly(alan);
            assertThat(s.execute(select(Manager.class).where(Manager_.NAME.eq("Linus"))).all()).as("an engineer is no manager").isEmpty();
        }
    }

    @EachDatabase(only = DatabaseKind.POSTGRESQL)
    void theSqlOfASubclassQueryOnPostgresql(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session s = Session.open(engine)) {
            List<String> sql = StatementCaptureAccess.during(engine, () ->
                    s.execute(select(Manager.class).where(Manager_.NAME.eq("Grace")).options(dev.retort.orm.LoadOption.noLoad(Manager_.DEPARTMENT))).all());
            assertThat(sql).containsExactly("SELECT staff.id, staff.name, staff.version, staff.department_id, staff.type, staff.language, "
                    + "staff.mentor_id, staff.budget, staff.car FROM staff WHERE staff.type IN (?, ?) AND staff.name = ?");
        }
    }

    @EachDatabase
    void theIdentityMapHoldsOneObjectPerRowWhateverClassAsksForIt(TestDatabase db) {
        Engine engine = setUp(db);
        Staff ids = fill(engine);
        try (Session s = Session.open(engine)) {
            Manager grace = s.get(Manager.class, ids.manager());
            assertThat(grace).isExactlyInstanceOf(Manager.class);
            Employee same = Retort.expectStatements(engine, 0, () -> s.get(Employee.class, ids.manager()));
            assertThat(same).isSameAs(grace);
            assertThat(Retort.expectStatements(engine, 0, () -> s.get(Engineer.class, ids.manager())))
                    .as("held, but not an engineer").isNull();
            assertThat(s.get(Director.class, ids.manager())).as("a manager is not a director").isNull();
            assertThat(s.get(Engineer.class, ids.director())).as("from the database: the query matches engineers only").isNull();
            Employee alan = s.get(Employee.class, ids.director());
            assertThat(alan).isExactlyInstanceOf(Director.class);
            assertThat(s.get(Manager.class, ids.director())).isSameAs(alan);
            assertThat(s.execute(select(Employee.class).orderBy(Employee_.ID)).all()).contains(grace, alan);
        }
    }

    @EachDatabase
    void insertsWriteTheDiscriminatorAndTheClassColumnsParentsFirst(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Manager grace = new Manager("Grace", 1000);
            Engineer linus = new Engineer("Linus", "C");
            Engineer ken = new Engineer("Ken", "B");
            linus.mentor = grace;
            ken.mentor = grace;
            s.add(linus);
            s.add(ken);
            s.add(grace);
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).as("the manager first (the engineers refer to it), then both engineers in one statement").hasSize(
                    engine.dialect().supports(dev.retort.dialect.Capability.INSERT_RETURNING) ? 2 : 3);
            assertThat(sql.get(0)).startsWith("INSERT INTO staff (name, version, department_id, type, budget) VALUES (?, ?, ?, ?, ?)");
            assertThat(sql.get(1)).startsWith("INSERT INTO staff (name, version, department_id, type, language, mentor_id) VALUES (?, ?, ?, ?, ?, ?)");
            s.commit();
            assertThat(grace.version).isEqualTo(1);
        }
        assertThat(rows(engine)).containsExactlyInAnyOrder("manager Grace null 1000 null", "engineer Linus C null null",
                "engineer Ken B null null");
    }

    @EachDatabase
    void updatesSetOnlyChangedColumnsAndTheVersionOfTheRootWorksForSubclasses(TestDatabase db) {
        Engine engine = setUp(db);
        Staff ids = fill(engine);
        try (Session s = Session.open(engine)) {
            Director alan = s.get(Director.class, ids.director());
            alan.budget(6000);
            alan.car = "Mini";
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).singleElement().satisfies(u -> assertThat(u.replaceAll("[`\"]", "")).isEqualTo(
                    "UPDATE staff SET version=?, budget=?, car=? WHERE staff.id = ? AND staff.version = ?"
                            .replace("=?", " = ?")));
            s.commit();
        }
        assertThat(rows(engine)).contains("Director Alan null 6000 Mini");
    }

    @EachDatabase(only = {DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void theVersionOfTheRootLocksSubclassRowsOptimistically(TestDatabase db) {
        Engine engine = setUp(db);
        Staff ids = fill(engine);
        try (Session mine = Session.open(engine); Session theirs = Session.open(engine)) {
            Manager a = mine.get(Manager.class, ids.manager());
            Employee b = theirs.get(Employee.class, ids.manager());
            b.rename("Grace Hopper");
            theirs.commit();
            a.budget(1);
            assertThatThrownBy(mine::flush).isInstanceOf(StaleObjectException.class).hasMessageContaining("expected version 1");
            mine.rollback();
        }
    }

    @EachDatabase
    void deletesRemoveTheRowOfAnyClass(TestDatabase db) {
        Engine engine = setUp(db);
        Staff ids = fill(engine);
        try (Session s = Session.open(engine)) {
            Engineer linus = s.get(Engineer.class, ids.engineer());
            linus.mentor = null;
            s.flush();
            s.delete(s.get(Manager.class, ids.manager()));
            s.delete(s.get(Employee.class, ids.director()));
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).singleElement().satisfies(d -> assertThat(d).startsWith("DELETE FROM staff"));
            s.commit();
        }
        assertThat(rows(engine)).containsExactlyInAnyOrder("employee Ada null null null", "engineer Linus C null null");
    }

    @EachDatabase
    void aFieldDeclaredNotNullInASubclassIsCheckedAtFlush(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            s.add(new Engineer("Nobody", null));
            assertThatThrownBy(s::flush).isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("Engineer.language is null, but it is declared not-null")
                    .hasMessageContaining("give it a value");
            s.rollback();
        }
        assertThat(rows(engine)).isEmpty();
    }

    @EachDatabase
    void relationshipsToTheRootAndToASubclass(TestDatabase db) {
        Engine engine = setUp(db);
        Staff ids = fill(engine);
        Session.runInTransaction(engine, s -> s.add(new Project("Compiler", s.get(Director.class, ids.director()))));
        try (Session s = Session.open(engine)) {
            Department d = s.get(Department.class, ids.department());
            assertThat(d.staff).extracting(e -> e.getClass().getSimpleName())
                    .containsExactlyInAnyOrder("Employee", "Engineer", "Manager", "Director");
            Manager grace = s.get(Manager.class, ids.manager());
            assertThat(grace.mentees).extracting(Employee::name).containsExactly("Linus");
            assertThat(grace.mentees.get(0).mentor).isSameAs(grace);
            assertThat(s.get(Director.class, ids.director()).mentees).as("inherited by the director").isEmpty();
        }
        try (Session s = Session.open(engine)) {
            // The project and its lead in one query; the lead's department select-in.
            List<Project> joined = Retort.expectStatements(engine, 2, () ->
                    s.execute(select(Project.class).options(joinedLoad(Project_.LEAD))).all());
            assertThat(joined.get(0).lead).isExactlyInstanceOf(Director.class);
            assertThat(((Director) joined.get(0).lead).car).isEqualTo("Bentley");
        }
        try (Session s = Session.open(engine)) {
            // Projects, their leads (a query of Manager: managers and directors), the leads' departments.
            List<Project> selectIn = Retort.expectStatements(engine, 3, () ->
                    s.execute(select(Project.class).options(selectInLoad(Project_.LEAD))).all());
            assertThat(selectIn.get(0).lead).isExactlyInstanceOf(Director.class);
            assertThat(selectIn.get(0).lead.budget()).isEqualTo(5000);
        }
    }

    @EachDatabase
    void aReferenceToASubclassWhoseRowIsOfAnotherClassStaysUnloadedAndIsNeverWrittenAsNull(TestDatabase db) {
        Engine engine = setUp(db);
        Staff ids = fill(engine);
        Session.runInTransaction(engine, s -> s.add(new Project("Compiler", s.get(Manager.class, ids.manager()))));
        try (var c = engine.connect()) {
            c.execute(text("UPDATE project SET lead_id = :e").bind("e", ids.engineer()));   // an engineer, not a manager
            c.commit();
        }
        try (Session s = Session.open(engine)) {
            Employee linus = s.get(Employee.class, ids.engineer());      // the session holds the engineer
            Project p = s.execute(select(Project.class).options(selectInLoad(Project_.LEAD))).one();
            assertThat(p.lead).as("not the engineer: the field is a Manager").isNull();
            assertThat(linus).isInstanceOf(Engineer.class);
            p.title = "Linker";
            List<String> sql = dev.retort.orm.StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).containsExactly("UPDATE project SET title = ? WHERE project.id = ?");
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Project p = s.execute(select(Project.class)).one();          // select-in finds no manager with the key
            assertThat(p.lead).isNull();
            p.title = "Loader";
            s.commit();
        }
        try (var c = engine.connect()) {
            Row r = c.execute(text("SELECT title, lead_id FROM project")).one();
            assertThat(r.get(0)).isEqualTo("Loader");
            assertThat(((Number) r.get(1)).longValue()).as("the key is kept").isEqualTo(ids.engineer());
        }
    }

    @EachDatabase
    void loadingOptionsOnInheritedRelationshipsApplyToEveryClass(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        Session.runInTransaction(engine, s -> {
            Department ops = new Department("Ops");
            s.add(ops);
            s.execute(select(Employee.class)).all().stream().filter(e -> !(e instanceof Engineer)).forEach(e -> e.department = ops);
        });
        assertThat(Manager_.DEPARTMENT.relationship()).as("one relationship for the hierarchy").isSameAs(Employee_.DEPARTMENT.relationship());
        try (Session s = Session.open(engine)) {
            // The departments of every class in the same join: one statement in all.
            List<Employee> all = Retort.expectStatements(engine, 1, () -> s.execute(select(Employee.class)
                    .options(joinedLoad(Employee_.DEPARTMENT), dev.retort.orm.LoadOption.noLoad(Engineer_.MENTOR))).all());
            assertThat(all).extracting(e -> e.department.name).containsOnly("R&D", "Ops");
        }
        try (Session s = Session.open(engine)) {
            // Select-in: one query for the departments of all classes.
            List<Manager> managers = Retort.expectStatements(engine, 2, () -> s.execute(select(Manager.class)
                    .options(selectInLoad(Manager_.DEPARTMENT))).all());
            assertThat(managers).extracting(m -> m.department.name).containsOnly("Ops");
            List<Project> none = Retort.expectStatements(engine, 1, () -> s.execute(select(Project.class)
                    .options(selectInLoad(Project_.LEAD).then(selectInLoad(Employee_.DEPARTMENT)))).all());
            assertThat(none).isEmpty();
        }
    }

    @EachDatabase
    void mergeRefreshAndExpiryWorkOnSubclassObjects(TestDatabase db) {
        Engine engine = setUp(db);
        Staff ids = fill(engine);
        Director detached;
        try (Session s = Session.open(engine)) {
            detached = s.get(Director.class, ids.director());
        }
        detached.car = "Jaguar";
        try (Session s = Session.open(engine)) {
            Employee merged = (Employee) s.merge(detached);
            assertThat(merged).isExactlyInstanceOf(Director.class).isNotSameAs(detached);
            assertThat(s.get(Employee.class, ids.director())).isSameAs(merged);
            s.commit();
            Manager grace = s.get(Manager.class, ids.manager());
            s.rollback();                                   // ends the transaction, keeps grace
            try (var c = engine.connect()) {
                c.execute(text("UPDATE staff SET budget = 1234 WHERE id = " + ids.manager()));
                c.commit();
            }
            s.expireAll(Employee.class);                    // expires the managers too
            assertThat(s.get(Employee.class, ids.manager())).as("an expired manager reloads through a get of the root").isSameAs(grace);
            assertThat(grace.budget()).isEqualTo(1234);
            grace.budget(1);
            s.refresh(grace);
            assertThat(grace.budget()).isEqualTo(1234);
        }
        assertThat(rows(engine)).contains("Director Alan null 5000 Jaguar");
    }

    @EachDatabase
    void bulkStatementsOfASubclassTouchOnlyItsRows(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session s = Session.open(engine)) {
            long n = s.execute(update(Manager.class).set(Manager_.BUDGET, 7), Synchronize.FETCH);
            assertThat(n).isEqualTo(2);
            s.commit();
        }
        assertThat(rows(engine)).containsExactlyInAnyOrder("employee Ada null null null", "engineer Linus C null null",
                "manager Grace null 7 null", "Director Alan null 7 Bentley");
    }

    @EachDatabase
    void anAbstractRootIsQueriedPolymorphically(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Vehicle.class, Car.class, Truck.class).metadata().createAll(engine);
        Session.runInTransaction(engine, s -> s.addAll(List.of(new Car(5), new Truck(6, 12.5))));
        try (Session s = Session.open(engine)) {
            List<Vehicle> all = s.execute(select(Vehicle.class).orderBy(Vehicle_.WHEELS)).all();
            assertThat(all).extracting(v -> v.getClass().getSimpleName()).containsExactly("Car", "Truck");
            assertThat(((Car) all.get(0)).seats).isEqualTo(5);
            assertThat(((Truck) all.get(1)).payload).isEqualTo(12.5);
            assertThat(s.get(Vehicle.class, all.get(1).id)).isSameAs(all.get(1));
            assertThat(s.execute(select(Truck.class).where(Truck_.WHEELS.gt(4))).all()).containsExactly((Truck) all.get(1));
        }
        assertThat(EntityMapping.of(Vehicle.class).usesGeneratedAccessor()).as("the processor writes the abstract root's metamodel").isTrue();
        assertThat(EntityMapping.of(Vehicle.class).table().columnNames()).containsExactly("id", "wheels", "kind", "seats", "payload");
    }

    @EachDatabase
    void bulkInsertsAndRowQueriesOfAHierarchy(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            long n = s.bulkInsert(Employee.class, List.of(new Employee("Ada"), new Manager("Grace", 10), new Director("Alan", 20, "Mini")));
            n += s.bulkInsert(Engineer.class, List.of(java.util.Map.of("name", "Linus", "language", "C")));
            assertThat(n).isEqualTo(4);
            List<dev.retort.orm.EntityRow> managers = s.execute(select(Manager.class, Manager_.BUDGET).orderBy(Manager_.NAME)).all();
            assertThat(managers).extracting(r -> r.get(Manager.class).getClass().getSimpleName()).containsExactly("Director", "Manager");
            assertThat(managers).extracting(r -> r.get(Manager_.BUDGET)).containsExactly(20, 10);
            s.commit();
        }
        assertThat(rows(engine)).containsExactlyInAnyOrder("employee Ada null null null", "manager Grace null 10 null",
                "Director Alan null 20 Mini", "engineer Linus C null null");
    }
}
