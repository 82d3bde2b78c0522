package dev.retort.orm;

import dev.retort.schema.ReferentialAction;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A foreign key column: the field holds the id of another entity (or of the same one, for a
 * tree). The table gets a FOREIGN KEY to that entity's primary key, and a flush writes rows in
 * an order the key allows: referenced rows are inserted before, and deleted after, the rows that
 * refer to them, also within one table.
 *
 * <pre>{@code
 * @References(Department.class) Long departmentId;
 * @References(value = Category.class, onDelete = ReferentialAction.CASCADE) Long parentId;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface References {

    /** @return the referenced entity; it needs a single-column id of the field's type */
    Class<?> value();

    /** @return what the database does to this row when the referenced row is deleted */
    ReferentialAction onDelete() default ReferentialAction.NO_ACTION;
}
