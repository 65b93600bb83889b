package org.hotline.core.storage.internal;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: the stock type, in the same order, without serialising
 * both keys again at every comparison.
 *
 * <p>An index key ({@link KeyValue}) is neither a type H2 knows nor {@link Comparable}, so H2 orders two of them by
 * their Java serialisations, and made both afresh at each of the twenty-odd comparisons of one lookup: in the
 * dispatch benchmark an eighth of the database's CPU went to {@code ObjectOutputStream} under index comparisons
 * (docs/BENCHMARKS.md). This type keeps each key's serialisation as long as the key object lives (weakly, by
 * identity: a key held by a cached page or by the lookup in progress) and compares those. The bytes and the
 * comparison are H2's own, so the order is the stock one: files written by either type open with the other.
 */
final class IndexKeyType extends ObjectDataType {

    private final ConcurrentHashMap<Object, byte[]> serialised = new ConcurrentHashMap<>();
    private final ReferenceQueue<KeyValue> gone = new ReferenceQueue<>();

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue ka && b instanceof KeyValue kb) {
            return compareNotNull(bytes(ka), bytes(kb));
        }
        return super.compare(a, b);
    }

    /** How many keys' serialisations are kept now (for tests). */
    int kept() {
        expunge();
        return serialised.size();
    }

    private byte[] bytes(KeyValue key) {
        byte[] known = serialised.get(new Lookup(key));
        if (known != null) {
            return known;
        }
        expunge();
        byte[] made = serialize(key);
        serialised.put(new Held(key, gone), made);
        return made;
    }

    private void expunge() {
        for (Object ref; (ref = gone.poll()) != null; ) {
            serialised.remove(ref);
        }
    }

    /** A kept key: equal to a {@link Lookup} or {@code Held} of the same object. */
    private static final class Held extends WeakReference<KeyValue> {
        private final int hash;

        Held(KeyValue key, ReferenceQueue<KeyValue> queue) {
            super(key, queue);
            this.hash = System.identityHashCode(key);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            KeyValue mine = get();
            return mine != null && (o instanceof Lookup l ? l.key == mine : o instanceof Held h && h.get() == mine);
        }
    }

    /** A key being looked up (never stored). */
    private record Lookup(KeyValue key) {
        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Held h ? h.get() == key : o instanceof Lookup l && l.key == key;
        }
    }
}
