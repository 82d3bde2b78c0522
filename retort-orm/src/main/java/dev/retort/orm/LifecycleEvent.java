package dev.retort.orm;

import java.lang.annotation.Annotation;

/** The moments of an entity's life that hooks and {@link EntityListener}s see. */
public enum LifecycleEvent {
    /** Before its INSERT; see {@link BeforeInsert}. */
    BEFORE_INSERT(BeforeInsert.class),
    /** After its INSERT; see {@link AfterInsert}. */
    AFTER_INSERT(AfterInsert.class),
    /** Before its UPDATE; see {@link BeforeUpdate}. */
    BEFORE_UPDATE(BeforeUpdate.class),
    /** After its UPDATE; see {@link AfterUpdate}. */
    AFTER_UPDATE(AfterUpdate.class),
    /** Before its DELETE; see {@link BeforeDelete}. */
    BEFORE_DELETE(BeforeDelete.class),
    /** After its DELETE; see {@link AfterDelete}. */
    AFTER_DELETE(AfterDelete.class),
    /** After it was loaded or refreshed; see {@link AfterLoad}. */
    AFTER_LOAD(AfterLoad.class);

    private final Class<? extends Annotation> annotation;

    LifecycleEvent(Class<? extends Annotation> annotation) {
        this.annotation = annotation;
    }

    /** @return the annotation that marks an entity's hook method for this event */
    public Class<? extends Annotation> annotation() {
        return annotation;
    }
}
