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
 * drops the run's scratch database.
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
}
