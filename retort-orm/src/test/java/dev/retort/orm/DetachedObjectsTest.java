package dev.retort.orm;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The weak identity record of detached objects: exact by identity, and it forgets collected objects. */
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

    @Test
    void objectsAreRecognisedByIdentityNotEquality() {
        List<Object> recorded = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            recorded.add(new AllEqual());
        }
        DetachedObjects.addAll(recorded);
        for (Object o : recorded) {
            assertThat(DetachedObjects.contains(o)).isTrue();
        }
        assertThat(DetachedObjects.contains(new AllEqual())).isFalse();

        Object removed = recorded.get(1234);
        DetachedObjects.remove(removed);
        assertThat(DetachedObjects.contains(removed)).isFalse();
        assertThat(DetachedObjects.contains(recorded.get(1233))).isTrue();
        DetachedObjects.addAll(List.of(removed));            // recorded again, in a reused slot or a new one
        assertThat(DetachedObjects.contains(removed)).isTrue();
    }

    @Test
    void whatIsKnownOfUnloadedReferencesIsKeptUntilTheObjectIsRecordedPlainly() {
        Object o = new Object();
        Object[] snapshot = {1L, "x", 7L};
        DetachedObjects.addWithUnloaded(o, new DetachedObjects.Unloaded(snapshot, Set.of()));
        assertThat(DetachedObjects.unloaded(o).snapshot()).isSameAs(snapshot);
        DetachedObjects.addAll(List.of(o));
        assertThat(DetachedObjects.contains(o)).isTrue();
        assertThat(DetachedObjects.unloaded(o)).isNull();
    }

    @Test
    void collectedObjectsLeaveTheRecord() throws InterruptedException {
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            batch.add(new Object());
        }
        DetachedObjects.addAll(batch);
        WeakReference<Object> probe = new WeakReference<>(batch.get(0));
        batch = null;
        for (int i = 0; i < 50 && probe.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(probe.get()).as("the collector cleared the batch").isNull();
        // Recording more fills the table until it is rebuilt without the cleared references.
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            Object o = new Object();
            kept.add(o);
            DetachedObjects.addAll(List.of(o));
        }
        assertThat(DetachedObjects.slotsInUse()).isLessThan(kept.size() + 25_000);
        assertThat(kept).allMatch(DetachedObjects::contains);
    }
}
