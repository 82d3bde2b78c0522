package dev.retort.examples;

import dev.retort.orm.Cascade;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** A course; its {@link Enrollment}s say which students take it, and with what grade. */
@Entity
public class Course {
    @Id @Generated
    Long id;

    String title;

    @OneToMany(mappedBy = "course", cascade = {Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
    List<Enrollment> enrollments = new ArrayList<>();

    protected Course() {
    }

    /** @param title the course's title */
    public Course(String title) {
        this.title = title;
    }

    /**
     * Enrolls a student.
     *
     * @param student the student
     * @return the enrollment, without a grade yet
     */
    public Enrollment enroll(Student student) {
        Enrollment e = new Enrollment(this, student);
        enrollments.add(e);
        return e;
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /** @return the enrollments */
    public List<Enrollment> enrollments() {
        return enrollments;
    }
}
