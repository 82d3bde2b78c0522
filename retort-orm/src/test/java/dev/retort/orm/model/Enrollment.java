package dev.retort.orm.model;

import dev.retort.orm.Embedded;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Index;
import dev.retort.orm.Unique;

/** Table-level unique constraints and indexes over several fields. */
@Entity
@Unique(fields = {"studentId", "course"})
@Index(name = "ix_enrollment_term", fields = {"term.year", "term.season"})
public class Enrollment {
    /** An academic term. */
    public record Term(Integer year, String season) { }

    @Id @Generated
    public Long id;
    public long studentId;
    public String course;
    @Embedded
    public Term term;

    protected Enrollment() {
    }

    public Enrollment(long studentId, String course, Term term) {
        this.studentId = studentId;
        this.course = course;
        this.term = term;
    }
}
