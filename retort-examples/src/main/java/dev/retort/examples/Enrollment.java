package dev.retort.examples;

import dev.retort.orm.Entity;
import dev.retort.orm.Id;
import dev.retort.orm.IdClass;
import dev.retort.orm.ManyToOne;

/**
 * An association object: the row between a {@link Course} and a {@link Student}, keyed by the two,
 * with a column of its own.
 */
// tag::mapping[]
@Entity
@IdClass(Enrollment.Key.class)
public class Enrollment {
    /** The key: the course's id and the student's id, named after the @Id fields. */
    public record Key(Long course, Long student) {
    }

    @Id @ManyToOne
    Course course;           // column course_id: part of the primary key, and a foreign key to course

    @Id @ManyToOne
    Student student;         // column student_id

    String grade;            // a column of the association's own
// end::mapping[]

    protected Enrollment() {
    }

    Enrollment(Course course, Student student) {
        this.course = course;
        this.student = student;
    }

    /** @return the course */
    public Course course() {
        return course;
    }

    /** @return the student */
    public Student student() {
        return student;
    }

    /** @return the grade, or {@code null} */
    public String grade() {
        return grade;
    }

    /** @param grade the grade */
    public void grade(String grade) {
        this.grade = grade;
    }
// tag::mapping[]
}
// end::mapping[]
