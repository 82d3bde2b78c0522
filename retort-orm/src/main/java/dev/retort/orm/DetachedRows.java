package dev.retort.orm;

/**
 * The detached rows of one entity class for {@link DetachedObjects}: a bounded map from a row's id
 * to the identity hashes (and what is known of the unloaded references) of the objects that left
 * a session for it, least recently used rows evicted first.
 *
 * <p>Made of arrays, not of a {@code LinkedHashMap}: a row with a {@code Long} id (the usual key)
 * costs no object at all, so recording a million rows (a stream, a large session closing) gives
 * the collector nothing to copy or promote; a map entry, a holder and a boxed key per row cost a
 * third of a streamed load's time in collections (measured in retort-bench, scenario 7). Entries
 * live in parallel arrays, chained in use order by {@code prev}/{@code next} indexes; an open
 * addressing table with linear probing finds them by id. The arrays grow by doubling up to the
 * capacity. Not thread-safe: {@link DetachedObjects} holds its lock around every call.
 */
final class DetachedRows {
    private static final int FIRST_SIZE = 1024;
    private static final int NONE = -1;

    /** Another object that left a session for a row (rare): its identity hash, what is known, the next. */
    private static final class Older {
        final int hash;
        DetachedObjects.Unloaded info;
        Older next;

        Older(int hash, DetachedObjects.Unloaded info, Older next) {
            this.hash = hash;
            this.info = info;
            this.next = next;
        }
    }

    private final int capacity;
    private final int perRow;
    /** The id of each entry when it is a {@code Long}. */
    private long[] longIds;
    /** The id of each entry when it is not a {@code Long}; {@code null} for {@code Long} ids and free entries. */
    private Object[] ids;
    /** The identity hash of the object that left most recently for the entry's row. */
    private int[] hashes;
    private DetachedObjects.Unloaded[] infos;
    private Older[] older;
    private int[] prev;
    private int[] next;
    /** Entry index + 1 per slot, 0 for an empty slot; its length a power of two, at least twice the entries'. */
    private int[] table;
    private boolean[] used;
    private int head = NONE;
    private int tail = NONE;
    private int free = NONE;
    /** Entries handed out so far (free or in use); the rest of the arrays is untouched. */
    private int allocated;
    private int size;

    /**
     * @param capacity the most rows kept, at least 1
     * @param perRow the most objects kept per row, at least 1
     */
    DetachedRows(int capacity, int perRow) {
        this.capacity = capacity;
        this.perRow = perRow;
        resize(Math.min(capacity, FIRST_SIZE));
    }

    /** @return how many rows are kept */
    int size() {
        return size;
    }

    /**
     * Records that an object left a session for a row; the row becomes the most recently used.
     *
     * @param id the row's id
     * @param hash the object's identity hash
     * @param info what is known of its unloaded references, or {@code null}
     */
    void put(Object id, int hash, DetachedObjects.Unloaded info) {
        int e = find(id);
        if (e == NONE) {
            add(id, hash, info);
            return;
        }
        touch(e);
        if (hashes[e] == hash) {
            infos[e] = info;
            return;
        }
        for (Older o = older[e]; o != null; o = o.next) {
            if (o.hash == hash) {
                o.info = info;
                return;
            }
        }
        older[e] = perRow == 1 ? null : new Older(hashes[e], infos[e], older[e]);   // the newest object first
        hashes[e] = hash;
        infos[e] = info;
        int n = 1;
        for (Older o = older[e]; o != null; o = o.next) {
            if (++n == perRow) {
                o.next = null;                                  // keep the most recent few objects of a row
                break;
            }
        }
    }

    /**
     * @param id a row's id
     * @param hash an object's identity hash
     * @return whether that object left a session for that row (the row becomes the most recently used)
     */
    boolean contains(Object id, int hash) {
        int e = find(id);
        if (e == NONE) {
            return false;
        }
        touch(e);
        if (hashes[e] == hash) {
            return true;
        }
        for (Older o = older[e]; o != null; o = o.next) {
            if (o.hash == hash) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param id a row's id
     * @param hash an object's identity hash
     * @return what was recorded about that object's unloaded references, or {@code null}
     */
    DetachedObjects.Unloaded info(Object id, int hash) {
        int e = find(id);
        if (e == NONE) {
            return null;
        }
        touch(e);
        if (hashes[e] == hash) {
            return infos[e];
        }
        for (Older o = older[e]; o != null; o = o.next) {
            if (o.hash == hash) {
                return o.info;
            }
        }
        return null;
    }

    /**
     * Forgets an object of a row; the row goes when it was its last, else becomes the most
     * recently used.
     *
     * @param id the row's id
     * @param hash the object's identity hash
     */
    void remove(Object id, int hash) {
        int e = find(id);
        if (e == NONE) {
            return;
        }
        touch(e);
        if (hashes[e] == hash) {
            Older o = older[e];
            if (o == null) {
                delete(e);
            } else {
                hashes[e] = o.hash;
                infos[e] = o.info;
                older[e] = o.next;
            }
            return;
        }
        Older before = null;
        for (Older o = older[e]; o != null; before = o, o = o.next) {
            if (o.hash == hash) {
                if (before == null) {
                    older[e] = o.next;
                } else {
                    before.next = o.next;
                }
                return;
            }
        }
    }

    private void add(Object id, int hash, DetachedObjects.Unloaded info) {
        if (size == capacity) {
            delete(head);                                      // the least recently used row
        }
        if (free == NONE && allocated == longIds.length) {
            resize(Math.min(capacity, longIds.length * 2));
        }
        int e;
        if (free != NONE) {
            e = free;
            free = next[e];
        } else {
            e = allocated++;
        }
        if (id instanceof Long l) {
            longIds[e] = l;
        } else {
            ids[e] = id;
        }
        hashes[e] = hash;
        infos[e] = info;
        used[e] = true;
        insertSlot(e, spread(id));
        link(e);
        size++;
    }

    private void delete(int e) {
        removeSlot(e);
        unlink(e);
        ids[e] = null;
        infos[e] = null;
        older[e] = null;
        used[e] = false;
        next[e] = free;
        free = e;
        size--;
    }

    /** The entry of a row, or {@link #NONE}. */
    private int find(Object id) {
        int mask = table.length - 1;
        boolean isLong = id instanceof Long;
        long value = isLong ? (Long) id : 0;
        for (int i = spread(id) & mask; ; i = (i + 1) & mask) {
            int t = table[i];
            if (t == 0) {
                return NONE;
            }
            int e = t - 1;
            if (isLong ? ids[e] == null && longIds[e] == value : id.equals(ids[e])) {
                return e;
            }
        }
    }

    private Object idOf(int e) {
        return ids[e] != null ? ids[e] : (Object) longIds[e];
    }

    private static int spread(Object id) {
        long h = id instanceof Long l ? l : id.hashCode();
        h *= 0x9E3779B97F4A7C15L;                             // Fibonacci hashing: sequential ids spread out
        return (int) (h ^ (h >>> 32));
    }

    private void insertSlot(int e, int hash) {
        int mask = table.length - 1;
        int i = hash & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = e + 1;
    }

    /** Removes an entry's slot, shifting back the slots after it whose probe passed through it. */
    private void removeSlot(int e) {
        int mask = table.length - 1;
        int i = spread(idOf(e)) & mask;
        while (table[i] != e + 1) {
            i = (i + 1) & mask;
        }
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            int t = table[j];
            if (t == 0) {
                break;
            }
            int home = spread(idOf(t - 1)) & mask;
            // The entry at j may move to i unless its home lies cyclically in (i, j].
            boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!stays) {
                table[i] = t;
                i = j;
            }
        }
        table[i] = 0;
    }

    private void link(int e) {
        prev[e] = tail;
        next[e] = NONE;
        if (tail != NONE) {
            next[tail] = e;
        } else {
            head = e;
        }
        tail = e;
    }

    private void unlink(int e) {
        int p = prev[e];
        int n = next[e];
        if (p != NONE) {
            next[p] = n;
        } else {
            head = n;
        }
        if (n != NONE) {
            prev[n] = p;
        } else {
            tail = p;
        }
    }

    /** Makes an entry the most recently used. */
    private void touch(int e) {
        if (e != tail) {
            unlink(e);
            link(e);
        }
    }

    private void resize(int entries) {
        longIds = longIds == null ? new long[entries] : java.util.Arrays.copyOf(longIds, entries);
        ids = ids == null ? new Object[entries] : java.util.Arrays.copyOf(ids, entries);
        hashes = hashes == null ? new int[entries] : java.util.Arrays.copyOf(hashes, entries);
        infos = infos == null ? new DetachedObjects.Unloaded[entries] : java.util.Arrays.copyOf(infos, entries);
        older = older == null ? new Older[entries] : java.util.Arrays.copyOf(older, entries);
        prev = prev == null ? new int[entries] : java.util.Arrays.copyOf(prev, entries);
        next = next == null ? new int[entries] : java.util.Arrays.copyOf(next, entries);
        used = used == null ? new boolean[entries] : java.util.Arrays.copyOf(used, entries);
        table = new int[Integer.highestOneBit(Math.max(2, entries) * 2 - 1) * 2];
        for (int e = 0; e < allocated; e++) {
            if (used[e]) {
                insertSlot(e, spread(idOf(e)));
            }
        }
    }
}
