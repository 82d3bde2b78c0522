package dev.retort.orm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The array-backed record of one class's detached rows, checked against a plain model (a
 * {@code LinkedHashMap} in access order with the same bound) through long random runs of
 * records, look-ups and removals, with {@code Long} ids and other ids.
 */
class DetachedRowsTest {

    /** The model: per row, its objects' identity hashes, most recent first; rows in use order. */
    private static final class Model extends LinkedHashMap<Object, List<Integer>> {
        private static final long serialVersionUID = 1L;
        private final int capacity;
        private final int perRow;

        Model(int capacity, int perRow) {
            super(16, 0.75f, true);
            this.capacity = capacity;
            this.perRow = perRow;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, List<Integer>> eldest) {
            return size() > capacity;
        }

        void record(Object id, int hash) {
            List<Integer> objects = get(id);
            if (objects == null) {
                objects = new ArrayList<>();
                put(id, objects);
            }
            if (!objects.contains(hash)) {
                objects.add(0, hash);
                if (objects.size() > perRow) {
                    objects.remove(objects.size() - 1);
                }
            }
        }

        boolean has(Object id, int hash) {
            List<Integer> objects = get(id);
            return objects != null && objects.contains(hash);
        }

        void forget(Object id, int hash) {
            List<Integer> objects = get(id);
            if (objects != null) {
                objects.remove((Integer) hash);
                if (objects.isEmpty()) {
                    remove(id);
                }
            }
        }
    }

    private static void run(long seed, int capacity, int perRow, int idRange, boolean longIds) {
        Random random = new Random(seed);
        DetachedRows rows = new DetachedRows(capacity, perRow);
        Model model = new Model(capacity, perRow);
        for (int step = 0; step < 200_000; step++) {
            long n = random.nextInt(idRange);
            Object id = longIds ? (Object) n : "row " + n;
            int hash = random.nextInt(6);
            int op = random.nextInt(10);
            if (op < 5) {
                rows.put(id, hash, null);
                model.record(id, hash);
            } else if (op < 8) {
                assertThat(rows.contains(id, hash)).as("step %d: %s/%d", step, id, hash).isEqualTo(model.has(id, hash));
            } else {
                rows.remove(id, hash);
                model.forget(id, hash);
            }
            assertThat(rows.size()).as("step %d", step).isEqualTo(model.size());
        }
        for (Map.Entry<Object, List<Integer>> e : new ArrayList<>(model.entrySet())) {
            for (int hash = 0; hash < 6; hash++) {
                assertThat(rows.contains(e.getKey(), hash)).isEqualTo(e.getValue().contains(hash));
            }
        }
    }

    @Test
    void longIdsBehaveAsABoundedLeastRecentlyUsedMap() {
        run(1, 1_000, 4, 3_000, true);                 // evictions, growth from 1,024 entries not needed
        run(2, 5_000, 4, 6_000, true);                 // growth past the first arrays, then evictions
        run(3, 50, 1, 80, true);                       // one object per row
    }

    @Test
    void otherIdsBehaveTheSame() {
        run(4, 2_000, 4, 3_000, false);
        run(5, 100, 2, 1_000, false);
    }

    @Test
    void whatIsKnownOfAnObjectFollowsItsRow() {
        DetachedRows rows = new DetachedRows(10, 4);
        DetachedObjects.Unloaded info = new DetachedObjects.Unloaded(new Object[] {1L}, java.util.Set.of(), null);
        rows.put(7L, 70, info);
        rows.put(7L, 71, null);
        assertThat(rows.info(7L, 70)).isSameAs(info);
        assertThat(rows.info(7L, 71)).isNull();
        rows.remove(7L, 71);                          // the older object becomes the first again
        assertThat(rows.info(7L, 70)).isSameAs(info);
        assertThat(rows.contains(7L, 71)).isFalse();
        assertThat(rows.contains(7, 70)).as("an Integer is another id than a Long").isFalse();
    }
}
