package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;

import java.util.ArrayList;
import java.util.List;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.OrmStatements.select;

/**
 * The association-object code of {@code docs/relationships.md}: enrollments between courses and
 * students. Each method returns what it observed, so {@code AssociationGuideTest} can run it on
 * every database.
 */
public final class AssociationGuide {
    private AssociationGuide() {
    }

    /**
     * Creates the tables and enrolls two students in two courses, then grades one enrollment found
     * by its key.
     *
     * @param engine the engine
     * @return what happened
     */
    public static List<String> store(Engine engine) {
        List<String> out = new ArrayList<>();
        Registry.of(Course.class, Student.class, Enrollment.class).metadata().createAll(engine);
        // tag::store[]
        Long adaId;
        try (Session session = Session.open(engine)) {
            Student ada = new Student("Ada");
            Student bob = new Student("Bob");
            Course algebra = new Course("Algebra");
            Course logic = new Course("Logic");
            algebra.enroll(ada);
            algebra.enroll(bob);
            logic.enroll(ada);
            session.addAll(List.of(algebra, logic));  // the students come along through the enrollments
            session.commit();                         // courses and students first, then the enrollments
            adaId = ada.id();
        }
        try (Session session = Session.open(engine)) {
            Course algebra = session.execute(select(Course.class).where(Course_.TITLE.eq("Algebra"))).one();
            Enrollment enrollment = session.get(Enrollment.class, new Enrollment.Key(algebra.id, adaId));
            enrollment.grade("A");                    // UPDATE enrollment SET grade = ? WHERE course_id = ? AND student_id = ?
            session.commit();
        }
        // end::store[]
        try (Session session = Session.open(engine)) {
            for (Enrollment e : session.execute(select(Enrollment.class).where(Enrollment_.GRADE.isNotNull())).all()) {
                out.add(e.course().title() + "/" + e.student().name() + ": " + e.grade());
            }
        }
        return out;
    }

    /**
     * Queries along the enrollments and loads courses with their students in one statement.
     *
     * @param engine the engine, after {@link #store}
     * @return what happened
     */
    public static List<String> query(Engine engine) {
        List<String> out = new ArrayList<>();
        // tag::query[]
        try (Session session = Session.open(engine)) {
            // A path of joins: student -> enrollment -> course
            List<Student> inLogic = session.execute(select(Student.class)
                    .join(Student_.ENROLLMENTS).join(Enrollment_.COURSE)
                    .where(Course_.TITLE.eq("Logic"))).all();
            // Courses, their enrollments and each enrollment's student: one SELECT with two LEFT OUTER JOINs
            List<Course> courses = Retort.expectStatements(engine, 1, () -> session.execute(select(Course.class)
                    .orderBy(Course_.TITLE)
                    .options(joinedLoad(Course_.ENROLLMENTS).then(joinedLoad(Enrollment_.STUDENT)))).all());
            out.add("in Logic: " + inLogic.stream().map(Student::name).toList());
            for (Course c : courses) {
                out.add(c.title() + ": " + c.enrollments().stream().map(e -> e.student().name()).toList());
            }
        }
        // end::query[]
        return out;
    }
}
