package dev.retort.orm.joined;

import dev.retort.engine.Engine;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.orm.StaleObjectException;
import dev.retort.orm.StatementCaptureAccess;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.schema.Table;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A JOINED hierarchy of three levels (Person &lt;- Student, Teacher &lt;- Professor), a table per
 * class, on every database. (The single-table hierarchy is tested by {@code inherit.InheritanceTest}.)
 */
class InheritanceTest {
    static final Registry REGISTRY = Registry.of(School.class, Course.class, Person.class, Student.class, Teacher.class, Professor.class);

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        return engine;
    }

    record People(long person, long student, long teacher, long professor) {
    }

    static People fill(Engine engine) {
        return Session.inTransaction(engine, s -> {
            Person ada = new Person("Ada");
            Student bob = new Student("Bob", "MIT");
            Teacher cy = new Teacher("Cy", "Maths");
            Professor di = new Professor("Di", "Physics", "Optics");
            s.addAll(List.of(ada, bob, cy, di));
            s.flush();
            return new People(ada.id, bob.id, cy.id, di.id);
        });
    }

    static List<String> rows(Engine engine, String sql) {
        try (var c = engine.connect()) {
            return c.execute(text(sql)).all().stream().map(r -> {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < r.size(); i++) {
                    b.append(i == 0 ? "" : " ").append(r.get(i) instanceof Number n ? (Object) n.longValue() : r.get(i));
                }
                return b.toString();
            }).toList();
        }
    }

    @Test
    void eachClassHasATableWhoseKeyRefersToItsParents() {
        Table person = EntityMapping.of(Person.class).table();
        Table teacher = EntityMapping.of(Teacher.class).table();
        Table professor = EntityMapping.of(Professor.class).table();
        assertThat(person.columnNames()).containsExactly("id", "name", "version", "type");
        assertThat(teacher.columnNames()).containsExactly("id", "subject");
        assertThat(professor.columnNames()).containsExactly("id", "chair");
        assertThat(EntityMapping.of(Student.class).table().column("school").isNullable()).as("NOT NULL in its own table").isFalse();
        assertThat(professor.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.referredTable()).isSameAs(teacher);
            assertThat(fk.onDelete()).hasToString("CASCADE");
        });
        assertThat(REGISTRY.metadata().tables()).extracting(Table::name)
                .contains("person", "student", "teacher", "professor", "course", "school");
        assertThat(Professor_.NAME).as("an inherited column is the parent table's").isSameAs(Person_.NAME);
        assertThat(Professor_.TABLE).isSameAs(professor);
        assertThat(select(Teacher.class).where(Teacher_.NAME.eq("Cy")).toString()).isEqualTo(
                "SELECT person.id, person.name, person.version, person.type, student.id, student.school, student.campus_id, teacher.id, "
                        + "teacher.subject, "
                        + "professor.id, professor.chair FROM person LEFT OUTER JOIN student ON student.id = person.id "
                        + "JOIN teacher ON teacher.id = person.id LEFT OUTER JOIN professor ON professor.id = person.id "
                        + "WHERE person.name = ?");
    }

    @EachDatabase(only = DatabaseKind.POSTGRESQL)
    void theSqlOfASubclassQueryOnPostgresql(TestDatabase db) {
        Engine engine = setUp(db);
        fill(engine);
        try (Session s = Session.open(engine)) {
            List<String> sql = StatementCaptureAccess.during(engine, () ->
                    s.execute(select(Professor.class).where(Professor_.NAME.eq("Di"))).all());
            assertThat(sql).containsExactly("SELECT person.id, person.name, person.version, person.type, student.id, student.school, "
                    + "student.campus_id, teacher.id, teacher.subject, professor.id, professor.chair FROM person "
                    + "LEFT OUTER JOIN student ON student.id = person.id JOIN teacher ON teacher.id = person.id "
                    + "JOIN professor ON professor.id = person.id WHERE person.name = ?");
        }
    }

    @EachDatabase
    void aPolymorphicQueryJoinsEveryTableAndLoadsEachRowAsItsClass(TestDatabase db) {
        Engine engine = setUp(db);
        People ids = fill(engine);
        try (Session s = Session.open(engine)) {
            List<Person> all = Retort.expectStatements(engine, 1, () -> s.execute(select(Person.class).orderBy(Person_.NAME)).all());
            assertThat(all).extracting(p -> p.getClass().getSimpleName()).containsExactly("Person", "Student", "Teacher", "Professor");
            assertThat(((Student) all.get(1)).school).isEqualTo("MIT");
            assertThat(((Teacher) all.get(2)).subject).isEqualTo("Maths");
            Professor di = (Professor) all.get(3);
            assertThat(di.subject).isEqualTo("Physics");
            assertThat(di.chair).isEqualTo("Optics");
            assertThat(s.execute(select(Teacher.class).orderBy(Teacher_.NAME)).all()).containsExactly((Teacher) all.get(2), di);
            assertThat(s.execute(select(Professor.class).where(Professor_.SUBJECT.eq("Physics"))).all()).containsExactly(di);
            assertThat(Retort.expectStatements(engine, 0, () -> s.get(Person.class, ids.professor()))).isSameAs(di);
            assertThat(s.get(Student.class, ids.professor())).isNull();
            assertThat(s.get(Professor.class, ids.teacher())).isNull();
        }
        try (Session s = Session.open(engine)) {
            assertThat(s.get(Professor.class, ids.teacher())).as("from the database: the inner join finds no professor row").isNull();
            assertThat(s.get(Person.class, ids.professor())).isExactlyInstanceOf(Professor.class);
        }
    }

    @EachDatabase
    void insertsWriteTheParentRowFirstWithTheGeneratedKeyThenEachChildRow(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            s.addAll(List.of(new Professor("Di", "Physics", "Optics"), new Professor("Ed", "Chemistry", "Catalysis")));
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            List<String> tables = sql.stream().map(q -> q.replaceAll("INSERT INTO (\\w+).*", "$1")).distinct().toList();
            assertThat(tables).containsExactly("person", "teacher", "professor");
            // both child rows in one statement: a JDBC batch of two parameter sets
            assertThat(sql).filteredOn(q -> q.startsWith("INSERT INTO teacher"))
                    .containsExactly("INSERT INTO teacher (id, subject) VALUES (?, ?)");
            s.commit();
        }
        assertThat(rows(engine, "SELECT p.name, p.type, p.version, t.subject, f.chair FROM person p JOIN teacher t ON t.id = p.id "
                + "JOIN professor f ON f.id = p.id ORDER BY p.name")).containsExactly(
                "Di professor 1 Physics Optics", "Ed professor 1 Chemistry Catalysis");
    }

    @EachDatabase
    void foreignKeysOfASubclassTableOrderTheFlush(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            Professor di = new Professor("Di", "Physics", "Optics");
            Student bob = new Student("Bob", "MIT");
            bob.campus = new School("MIT");
            s.add(bob);                         // the school comes through the reference
            s.add(new Course("Optics", di));    // and the professor through the course's
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            List<String> tables = sql.stream().map(q -> q.replaceAll("INSERT INTO (\\w+).*", "$1")).distinct().toList();
            assertThat(tables.indexOf("person")).as("course refers to person").isLessThan(tables.indexOf("course"));
            assertThat(tables.indexOf("school")).as("student refers to school").isLessThan(tables.indexOf("student"));
            assertThat(tables.indexOf("person")).isLessThan(tables.indexOf("student"));
            s.commit();
        }
        try (Session s = Session.open(engine)) {
            Student bob = s.execute(select(Student.class)).one();
            assertThat(bob.campus.name).isEqualTo("MIT");
            Course optics = s.execute(select(Course.class)).one();
            assertThat(optics.teacher).isExactlyInstanceOf(Professor.class);
            assertThat(optics.teacher.courses).containsExactly(optics);
        }
    }

    @EachDatabase
    void updatesWriteOnlyTheTablesWhoseColumnsChanged(TestDatabase db) {
        Engine engine = setUp(db);
        People ids = fill(engine);
        try (Session s = Session.open(engine)) {
            Professor di = s.get(Professor.class, ids.professor());
            di.chair = "Lasers";
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).as("the version in person, the chair in professor; teacher untouched").hasSize(2);
            assertThat(sql.get(0)).startsWith("UPDATE person SET version = ? WHERE person.id = ? AND person.version = ?");
            assertThat(sql.get(1)).startsWith("UPDATE professor SET chair = ? WHERE professor.id = ?");
            di.subject = "Optics";
            di.name = "Diana";
            sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).hasSize(2);
            assertThat(sql.get(0)).startsWith("UPDATE person SET name = ?, version = ?");
            assertThat(sql.get(1)).startsWith("UPDATE teacher SET subject = ? WHERE teacher.id = ?");
            s.commit();
        }
        assertThat(rows(engine, "SELECT p.name, p.version, t.subject, f.chair FROM person p JOIN teacher t ON t.id = p.id "
                + "JOIN professor f ON f.id = p.id")).containsExactly("Diana 3 Optics Lasers");
    }

    @EachDatabase
    void deletesRemoveTheChildRowsThenTheParentRow(TestDatabase db) {
        Engine engine = setUp(db);
        People ids = fill(engine);
        try (Session s = Session.open(engine)) {
            Person di = s.get(Person.class, ids.professor());
            Student bob = s.get(Student.class, ids.student());
            s.delete(di);
            s.delete(bob);
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            List<String> tables = sql.stream().map(q -> q.replaceAll("DELETE FROM (\\w+).*", "$1")).toList();
            assertThat(tables.indexOf("professor")).isLessThan(tables.indexOf("teacher"));
            assertThat(tables.indexOf("teacher")).isLessThan(tables.indexOf("person"));
            assertThat(tables.indexOf("student")).isLessThan(tables.indexOf("person"));
            assertThat(tables).as("one DELETE per table; person's rows in one batch").hasSize(4);
            s.commit();
        }
        assertThat(rows(engine, "SELECT name, type FROM person ORDER BY name")).containsExactly("Ada person", "Cy teacher");
        assertThat(rows(engine, "SELECT COUNT(*) FROM teacher")).containsExactly("1");
        assertThat(rows(engine, "SELECT COUNT(*) FROM professor")).containsExactly("0");
    }

    @EachDatabase
    void aReferenceToAJoinedSubclassLoadsSelectIn(TestDatabase db) {
        Engine engine = setUp(db);
        People ids = fill(engine);
        Session.runInTransaction(engine, s -> s.add(new Course("Optics 101", s.get(Professor.class, ids.professor()))));
        try (Session s = Session.open(engine)) {
            List<Course> courses = Retort.expectStatements(engine, 2, () ->
                    s.execute(select(Course.class).options(joinedLoad(Course_.TEACHER))).all());
            assertThat(courses.get(0).teacher).isExactlyInstanceOf(Professor.class);
            assertThat(((Professor) courses.get(0).teacher).chair).isEqualTo("Optics");
        }
    }

    /** Teachers Cy (Algebra, Geometry) and Di (Optics), with their courses. */
    static void fillCourses(Engine engine, People ids) {
        Session.runInTransaction(engine, s -> {
            Teacher cy = s.get(Teacher.class, ids.teacher());
            s.add(new Course("Geometry", cy));
            s.add(new Course("Algebra", cy));
            s.add(new Course("Optics", s.get(Professor.class, ids.professor())));
        });
    }

    @EachDatabase
    void aPageOfJoinedSubclassOwnersWithTheirCollectionJoined(TestDatabase db) {
        Engine engine = setUp(db);
        fillCourses(engine, fill(engine));
        try (Session s = Session.open(engine)) {
            // the subquery choosing the page reads one row of four tables, each with an id column
            List<Teacher> page = Retort.expectStatements(engine, 1, () -> s.execute(select(Teacher.class)
                    .orderBy(Teacher_.NAME).limit(1).options(joinedLoad(Teacher_.COURSES))).all());
            assertThat(page).extracting(t -> t.name).containsExactly("Cy");
            assertThat(page.get(0).courses).extracting(c -> c.title).containsExactly("Geometry", "Algebra");
        }
        try (Session s = Session.open(engine)) {
            List<Teacher> page = Retort.expectStatements(engine, 1, () -> s.execute(select(Teacher.class)
                    .join(Teacher_.COURSES).distinct().orderBy(Teacher_.NAME.desc()).offset(1).limit(5)
                    .options(joinedLoad(Teacher_.COURSES))).all());
            assertThat(page).extracting(t -> t.name).containsExactly("Cy");
            assertThat(page.get(0).courses).extracting(c -> c.title).containsExactly("Geometry", "Algebra");
        }
    }

    @EachDatabase
    void aJoinedCollectionOfAJoinedHierarchyLoadsSelectIn(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Shelf.class, Item.class, Volume.class).metadata().createAll(engine);
        Session.runInTransaction(engine, s -> {
            Shelf top = new Shelf("top");
            s.add(top);
            s.addAll(List.of(new Item("lamp", top), new Volume("atlas", top, 120)));
        });
        try (Session s = Session.open(engine)) {
            // the elements' rows span tables: one more statement, as documented
            List<Shelf> shelves = Retort.expectStatements(engine, 2, () -> s.execute(select(Shelf.class).limit(3)
                    .options(joinedLoad(Shelf_.ITEMS))).all());
            assertThat(shelves.get(0).items).extracting(i -> i.name).containsExactly("lamp", "atlas");
            assertThat(((Volume) shelves.get(0).items.get(1)).pages).isEqualTo(120);
        }
    }

    @EachDatabase(only = {DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void theRootsVersionLocksEveryTableOfTheRow(TestDatabase db) {
        Engine engine = setUp(db);
        People ids = fill(engine);
        try (Session mine = Session.open(engine); Session theirs = Session.open(engine)) {
            Professor a = mine.get(Professor.class, ids.professor());
            Professor b = theirs.get(Professor.class, ids.professor());
            b.chair = "Lasers";
            theirs.commit();
            a.chair = "Mirrors";
            assertThatThrownBy(mine::flush).isInstanceOf(StaleObjectException.class).hasMessageContaining("expected version 1");
            mine.rollback();
        }
        assertThat(rows(engine, "SELECT chair FROM professor")).containsExactly("Lasers");
    }

    @Test
    void statementsThatWouldSpanTablesAreRefused() {
        assertThatThrownBy(() -> dev.retort.orm.OrmStatements.update(Professor.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("update(...) of Professor, whose rows span the tables of a JOINED hierarchy, is not supported yet");
        assertThatThrownBy(() -> select(Course.class).join(Course_.TEACHER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A join along Course.teacher of Teacher");
        assertThat(select(Teacher.class).join(Teacher_.COURSES).toString()).as("from a JOINED class, joins work")
                .contains("JOIN course ON course.teacher_id = person.id");
    }

    @EachDatabase
    void aRollbackAfterAnUpdateOfTwoTablesOfAnObjectReturnsToItsCommittedValues(TestDatabase db) {
        Engine engine = setUp(db);
        People p = fill(engine);
        try (Session s = Session.open(engine)) {
            Teacher cy = s.get(Teacher.class, p.teacher());
            cy.name = "Cyril";                             // the root's table
            cy.subject = "Logic";                          // the subclass's table
            assertThat(StatementCaptureAccess.during(engine, s::flush)).hasSize(2);
            s.rollback();
            assertThat(cy.name + " " + cy.subject + " v" + cy.version).as("the values of the last commit").isEqualTo("Cy Maths v1");
            assertThat(StatementCaptureAccess.during(engine, s::flush)).isEmpty();
            cy.subject = "Logic";                          // no query in between: the version checked is the committed one
            s.commit();
            assertThat(rows(engine, "SELECT p.name, t.subject, p.version FROM person p JOIN teacher t ON t.id = p.id WHERE p.id = "
                    + p.teacher())).containsExactly("Cy Logic 2");
        }
    }
}
