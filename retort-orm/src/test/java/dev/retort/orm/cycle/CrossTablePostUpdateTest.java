package dev.retort.orm.cycle;

import dev.retort.ForeignKeyViolationException;
import dev.retort.InvalidStateException;
import dev.retort.engine.Engine;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.IdClass;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.MappingException;
import dev.retort.orm.ObjectState;
import dev.retort.orm.References;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.orm.StatementCaptureAccess;
import dev.retort.orm.Synchronize;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Table;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.delete;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two entities whose tables refer to each other (a department's manager is one of its employees):
 * the mapping declares one foreign key by name, createAll adds it after both tables, and the
 * flush writes the post-update reference after the INSERTs and clears it before the DELETEs.
 * Foreign keys are enforced on every database (SQLite with foreign_keys=ON).
 */
class CrossTablePostUpdateTest {
    static final Registry REGISTRY = Registry.of(Department.class, Employee.class);

    /** A quoted or plain name, as the databases spell them. */
    private static String q(String name) {
        return "[`\"]?" + name + "[`\"]?";
    }

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        return engine;
    }

    /** department -> manager, read with plain SQL. */
    static Map<String, String> managers(Engine engine) {
        Map<String, String> out = new LinkedHashMap<>();
        try (var c = engine.connect()) {
            c.execute(text("SELECT d.name, m.name FROM department d LEFT JOIN employee m ON m.id = d.manager_id ORDER BY d.name"))
                    .all().forEach(r -> out.put((String) r.get(0), (String) r.get(1)));
        }
        return out;
    }

    /** employee -> department, read with plain SQL. */
    static Map<String, String> departments(Engine engine) {
        Map<String, String> out = new LinkedHashMap<>();
        try (var c = engine.connect()) {
            c.execute(text("SELECT e.name, d.name FROM employee e LEFT JOIN department d ON d.id = e.department_id ORDER BY e.name"))
                    .all().forEach(r -> out.put((String) r.get(0), (String) r.get(1)));
        }
        return out;
    }

    /** Research (managed by ada, with bob) and Sales (managed by cy), committed. */
    static void fill(Engine engine) {
        Session.runInTransaction(engine, s -> {
            Department research = new Department("Research");
            Department sales = new Department("Sales");
            research.manager = new Employee("ada", research);
            new Employee("bob", research);
            sales.manager = new Employee("cy", sales);
            s.addAll(List.of(research, sales));
        });
    }

    @EachDatabase
    void tablesReferringToEachOtherAreCreatedAndDroppedWithTheirData(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        assertThat(REGISTRY.metadata().deferredForeignKeys(REGISTRY.metadata().tables()))
                .as("one key of the cycle is added after both tables exist").hasSize(1);
        for (String sql : List.of("UPDATE department SET manager_id = 9999", "UPDATE employee SET department_id = 9999")) {
            try (var c = engine.connect()) {
                assertThatThrownBy(() -> c.execute(text(sql))).as("both keys are enforced: " + sql)
                        .isInstanceOf(ForeignKeyViolationException.class);
            }
        }
        REGISTRY.metadata().dropAll(engine);          // the cycle's key goes first, the rows with the tables
        REGISTRY.metadata().createAll(engine, false); // fails if a table was left
        assertThat(managers(engine)).isEmpty();
        REGISTRY.metadata().dropAll(engine);
    }

    @EachDatabase
    void aNewDepartmentAndItsNewManagerAreInsertedThenLinkedByOneUpdate(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Department research = new Department("Research");
            Employee ada = new Employee("ada", research);
            research.manager = ada;               // research -> ada -> research: no INSERT order holds both keys
            s.add(research);                      // ada comes along through the staff collection
            List<String> sql = new ArrayList<>();
            Retort.expectStatements(engine, 3, () -> sql.addAll(StatementCaptureAccess.during(engine, s::flush)));
            assertThat(sql).as(String.join("\n", sql)).hasSize(3);
            assertThat(sql.get(0)).matches("(?s)INSERT INTO " + q("department") + " .*");
            assertThat(sql.get(1)).matches("(?s)INSERT INTO " + q("employee") + " .*");
            assertThat(sql.get(2)).matches("UPDATE " + q("department") + " SET " + q("manager_id") + " = \\? WHERE "
                    + q("department") + "\\." + q("id") + " = \\?");
            assertThat(s.isModified(research)).as("the snapshot holds the manager the UPDATE wrote").isFalse();
            s.commit();
        }
        assertThat(managers(engine)).containsExactly(Map.entry("Research", "ada"));
        assertThat(departments(engine)).containsExactly(Map.entry("ada", "Research"));
        try (Session s = Session.open(engine)) {
            Department research = s.execute(select(Department.class).options(selectInLoad(Department_.STAFF))).one();
            assertThat(research.manager.name).isEqualTo("ada");
            assertThat(research.manager.department).isSameAs(research);
            assertThat(research.staff).containsExactly(research.manager);
        }
    }

    @EachDatabase
    void changingTheManager(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session s = Session.open(engine)) {
            Department research = s.execute(select(Department.class).where(Department_.NAME.eq("Research"))).one();
            Employee dan = new Employee("dan", research);
            research.manager = dan;               // a new employee: the UPDATE waits for dan's INSERT
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).as(String.join("\n", sql)).hasSize(2);
            assertThat(sql.get(0)).matches("(?s)INSERT INTO " + q("employee") + " .*");
            assertThat(sql.get(1)).matches("UPDATE " + q("department") + " SET " + q("manager_id") + " = \\? WHERE .*");
            s.commit();
        }
        assertThat(managers(engine)).containsExactly(Map.entry("Research", "dan"), Map.entry("Sales", "cy"));
        try (Session s = Session.open(engine)) {
            Department sales = s.execute(select(Department.class).where(Department_.NAME.eq("Sales"))).one();
            Employee bob = s.execute(select(Employee.class).where(Employee_.NAME.eq("bob"))).one();
            sales.manager = bob;                  // an existing row: an ordinary UPDATE
            bob.department = sales;
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).as(String.join("\n", sql)).hasSize(2)
                    .allSatisfy(statement -> assertThat(statement).startsWith("UPDATE"));
            s.commit();
        }
        assertThat(managers(engine)).containsExactly(Map.entry("Research", "dan"), Map.entry("Sales", "bob"));
        assertThat(departments(engine)).containsExactly(Map.entry("ada", "Research"), Map.entry("bob", "Sales"),
                Map.entry("cy", "Sales"), Map.entry("dan", "Research"));
    }

    @EachDatabase
    void deletingRowsThatNameEachOtherClearsTheManagerFirst(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session s = Session.open(engine)) {
            Department research = s.execute(select(Department.class).where(Department_.NAME.eq("Research"))
                    .options(selectInLoad(Department_.STAFF))).one();
            s.delete(research);                   // its staff too (Cascade.DELETE), its manager among them
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).as(String.join("\n", sql)).hasSize(3);
            assertThat(sql.get(0)).matches("UPDATE " + q("department") + " SET " + q("manager_id") + " = \\? WHERE .*");
            assertThat(sql.get(1)).startsWith("DELETE FROM").matches("DELETE FROM " + q("employee") + " .*");
            assertThat(sql.get(2)).matches("DELETE FROM " + q("department") + " .*");
            s.commit();
        }
        assertThat(managers(engine)).containsExactly(Map.entry("Sales", "cy"));
        assertThat(departments(engine)).containsExactly(Map.entry("cy", "Sales"));
    }

    @EachDatabase
    void aBulkDeleteClearsTheManagersBeforeDeleting(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session s = Session.open(engine)) {
            Department held = s.execute(select(Department.class).where(Department_.NAME.eq("Research"))).one();
            // Each department's staff goes with it (ON DELETE CASCADE), while the department still
            // names its manager: the manager is set to NULL first (MariaDB checks row by row).
            long deleted = s.execute(delete(Department.class).where(Department_.NAME.in(List.of("Research", "Sales"))),
                    Synchronize.FETCH);
            assertThat(deleted).isEqualTo(2);
            assertThat(s.state(held)).isEqualTo(ObjectState.DELETED);
            s.commit();
        }
        assertThat(managers(engine)).isEmpty();
        assertThat(departments(engine)).isEmpty();
    }

    @EachDatabase
    void withoutAPostUpdateReferenceAFlushOfBothTablesIsRefusedBeforeAnyStatement(TestDatabase db) {
        Engine engine = db.engine();
        Registry teams = Registry.of(Team.class, Coach.class);
        teams.metadata().createAll(engine);
        try (Session s = Session.open(engine)) {
            Team team = new Team();
            team.name = "Owls";
            Coach coach = new Coach();
            coach.name = "Ada";
            coach.team = team;                    // not even a cycle of rows: the tables are enough
            s.addAll(List.of(team, coach));
            List<String> sql = new ArrayList<>();
            assertThatThrownBy(() -> sql.addAll(StatementCaptureAccess.during(engine, s::flush)))
                    .isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("foreign keys form a cycle")
                    .hasMessageContaining("Team.coach")
                    .hasMessageContaining("Coach.team")
                    .hasMessageContaining("postUpdate = true");
            assertThat(sql).isEmpty();
        }
        Long teamId;
        try (Session s = Session.open(engine)) {  // one table per flush is fine
            Team team = new Team();
            team.name = "Owls";
            s.add(team);
            s.flush();
            Coach coach = new Coach();
            coach.name = "Ada";
            coach.team = team;
            s.add(coach);
            s.flush();
            team.coach = coach;
            s.commit();
            teamId = team.id;
        }
        try (Session s = Session.open(engine)) {
            Team team = s.get(Team.class, teamId);
            assertThat(team.coach.name).isEqualTo("Ada");
            assertThat(team.coach.team).isSameAs(team);
        }
    }

    @EachDatabase
    void plainReferencesColumnsMayReferToEachOther(TestDatabase db) {
        Engine engine = db.engine();
        Registry shelves = Registry.of(Shelf.class, Book.class);
        shelves.metadata().createAll(engine);
        Long shelfId;
        try (Session s = Session.open(engine)) {
            Shelf shelf = new Shelf();
            shelf.label = "new";
            s.add(shelf);
            s.flush();
            Book book = new Book();
            book.title = "Dune";
            book.shelfId = shelf.id;
            s.add(book);
            s.flush();
            shelf.featuredBookId = book.id;
            s.commit();
            shelfId = shelf.id;
        }
        try (var c = engine.connect()) {
            assertThat(c.execute(text("SELECT s.label, b.title FROM shelf s JOIN book b ON b.id = s.featured_book_id "
                    + "AND b.shelf_id = s.id")).all()).hasSize(1);
        }
        try (Session s = Session.open(engine)) {
            Shelf shelf = s.get(Shelf.class, shelfId);
            Book book = new Book();
            book.title = "Emma";
            book.shelfId = shelfId;
            s.add(book);
            shelf.label = "renamed";              // rows of both tables in one flush
            assertThatThrownBy(s::flush).isInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("Shelf.featuredBookId (@References)")
                    .hasMessageContaining("Book.shelfId (@References)")
                    .hasMessageContaining("set it in a later flush");
        }
        try (Session s = Session.open(engine)) {  // UPDATEs alone need no order of the tables
            Shelf shelf = s.get(Shelf.class, shelfId);
            Book book = s.get(Book.class, shelf.featuredBookId);
            shelf.label = "renamed";
            book.title = "Dune Messiah";
            s.commit();
        }
        try (var c = engine.connect()) {
            assertThat(c.execute(text("SELECT s.label, b.title FROM shelf s JOIN book b ON b.id = s.featured_book_id")).all())
                    .singleElement().satisfies(r -> assertThat(r.get(0) + "/" + r.get(1)).isEqualTo("renamed/Dune Messiah"));
        }
        shelves.metadata().dropAll(engine);
    }

    // ---- mapping ---------------------------------------------------------------------------

    @Test
    void entitiesReferringToEachOtherAreMappedWithAForeignKeyEachWay() {
        Table department = EntityMapping.of(Department.class).table();
        Table employee = EntityMapping.of(Employee.class).table();
        assertThat(department.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.columnNames()).containsExactly("manager_id");
            assertThat(fk.referredTable()).isSameAs(employee);
            assertThat(fk.referredColumns()).containsExactly(employee.column("id"));
        });
        assertThat(employee.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.columnNames()).containsExactly("department_id");
            assertThat(fk.referredTable()).isSameAs(department);
        });
        assertThat(EntityMapping.of(Department.class).relationship("manager").isPostUpdate()).isTrue();
        assertThat(REGISTRY.metadata().sortedTables()).containsExactlyInAnyOrder(department, employee);
        Table shelf = EntityMapping.of(Shelf.class).table();
        Table book = EntityMapping.of(Book.class).table();
        assertThat(shelf.foreignKeys().stream().map(ForeignKey::referredTable)).containsExactly(book);
        assertThat(book.foreignKeys().stream().map(ForeignKey::referredTable)).containsExactly(shelf);
    }

    @Test
    void mistakesInACycleStillFailAtStartUp() {
        assertThatThrownBy(() -> EntityMapping.of(Pairing.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("field pairing refers to Pairing, which has a composite key");
        assertThatThrownBy(() -> EntityMapping.of(Socket.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("field socketId holds String but the id of Socket is Long");
        assertThatThrownBy(() -> EntityMapping.of(Strict.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(Strict.class.getName()).hasMessageContaining("field manager")
                .hasMessageContaining("postUpdate = true but optional = false");
    }

    @Entity
    static class Holder {
        @Id @Generated Long id;
        @ManyToOne Pairing pairing;
    }

    /** A composite key: references need a single-column id, in a cycle as elsewhere. */
    @Entity
    @IdClass(Pairing.Key.class)
    static class Pairing {
        record Key(Long a, Long b) {
        }

        @Id Long a;
        @Id Long b;
        @ManyToOne Holder holder;
    }

    @Entity
    static class Lamp {
        @Id @Generated Long id;
        @References(Socket.class) String socketId;
    }

    @Entity
    static class Socket {
        @Id @Generated Long id;
        @References(Lamp.class) Long lampId;
    }

    @Entity
    static class Strict {
        @Id @Generated Long id;
        @ManyToOne(postUpdate = true, optional = false) Employee manager;
    }
}
