package dev.retort.testkit;

import dev.retort.dialect.Capability;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test method once per database, each run with its own {@link TestDatabase} parameter:
 *
 * <pre>{@code
 * @EachDatabase
 * void insertedRowsComeBack(TestDatabase db) {
 *     try (Connection conn = db.engine().connect()) { ... }
 * }
 * }</pre>
 *
 * Runs whose database lacks a {@link #requires() required capability} are skipped with the
 * reason. After each run the harness fails the test if it left a connection checked out, then
 * drops the run's scratch database (or, for {@link #perClass()} tests, keeps it for the class's
 * other tests on that database until the class is done).
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(EachDatabaseExtension.class)
public @interface EachDatabase {

    /** @return the databases to run on; empty means all of them */
    DatabaseKind[] only() default {};

    /** @return capabilities the database must have; runs on others are skipped */
    Capability[] requires() default {};

    /**
     * Whether the runs on one database share one scratch database with the other
     * {@code perClass} tests of the class: made for the first of them, dropped when the class is
     * done, so a costly set-up (a sample dataset, say) is done once per database and class. Each
     * test must then leave the data as it found it (roll back, or put back what it changed). The
     * check for connections left checked out still runs after each test.
     *
     * @return whether the database is shared by the class's tests
     */
    boolean perClass() default false;
}
