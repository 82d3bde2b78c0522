package dev.retort.orm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record of detached objects: by row and identity hash, never holding the objects, a few
 * objects per row, bounded.
 */
class DetachedObjectsTest {

    /** Every instance equals every other: the record must not care. */
    private static final class AllEqual {
        @Override
        public boolean equals(Object o) {
            return o instanceof AllEqual;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    private static EntityKey key(long id) {
        return new EntityKey(AllEqual.class, id);
    }

    @Test
    void anObjectIsRecognisedByItsRowAndIdentityNotByEquality() {
        List<Object> left = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) {
            Object o = new AllEqual();
            left.add(o);
            DetachedObjects.add(o, key(i), null);
        }
        for (int i = 0; i < left.size(); i++) {
            assertThat(DetachedObjects.contains(left.get(i), key(i))).isTrue();
        }
        assertThat(DetachedObjects.contains(new AllEqual(), key(7))).as("a new object with a stored row's key").isFalse();
        assertThat(DetachedObjects.contains(left.get(7), key(8))).as("the object under another key").isFalse();
        assertThat(DetachedObjects.contains(left.get(7), null)).isFalse();

        DetachedObjects.remove(left.get(1234), key(1234));
        assertThat(DetachedObjects.contains(left.get(1234), key(1234))).isFalse();
        assertThat(DetachedObjects.contains(left.get(1233), key(1233))).isTrue();
    }

    @Test
    void aRowRemembersItsMostRecentObjects() {
        EntityKey row = new EntityKey(AllEqual.class, "shared row");
        List<Object> objects = new ArrayList<>();
        for (int i = 0; i < DetachedObjects.PER_ROW + 1; i++) {
            Object o = new AllEqual();
            objects.add(o);
            DetachedObjects.add(o, row, null);
        }
        assertThat(DetachedObjects.contains(objects.get(0), row)).as("the oldest of five").isFalse();
        for (int i = 1; i < objects.size(); i++) {
            assertThat(DetachedObjects.contains(objects.get(i), row)).isTrue();
        }
        DetachedObjects.remove(objects.get(objects.size() - 1), row);   // the first of the row's list
        DetachedObjects.remove(objects.get(2), row);                    // one in the middle
        assertThat(DetachedObjects.contains(objects.get(1), row)).isTrue();
        assertThat(DetachedObjects.contains(objects.get(3), row)).isTrue();
        assertThat(DetachedObjects.contains(objects.get(2), row)).isFalse();
    }

    @Test
    void whatIsKnownOfUnloadedReferencesIsKeptUntilTheObjectLeavesPlainly() {
        Object o = new Object();
        EntityKey row = new EntityKey(Object.class, 42L);
        Object[] snapshot = {1L, "x", 7L};
        DetachedObjects.add(o, row, new DetachedObjects.Unloaded(snapshot, Set.of(), null));
        assertThat(DetachedObjects.unloaded(o, row).snapshot()).isSameAs(snapshot);
        DetachedObjects.add(o, row, null);
        assertThat(DetachedObjects.contains(o, row)).isTrue();
        assertThat(DetachedObjects.unloaded(o, row)).isNull();
    }

    @Test
    void theRecordIsBoundedAndHoldsNoObject() throws InterruptedException {
        Object o = new Object();
        java.lang.ref.WeakReference<Object> probe = new java.lang.ref.WeakReference<>(o);
        DetachedObjects.add(o, new EntityKey(Long.class, -1L), null);
        o = null;
        for (int i = 0; i < 50 && probe.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(probe.get()).as("the collector took the recorded object").isNull();
        for (long i = 0; i < DetachedObjects.DEFAULT_CAPACITY + 10_000; i++) {
            DetachedObjects.add(new Object(), new EntityKey(Integer.class, i), null);
        }
        assertThat(DetachedObjects.rows(Integer.class)).isEqualTo(DetachedObjects.DEFAULT_CAPACITY);
    }
}
