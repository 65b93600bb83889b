package org.hotline.core.storage.internal;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: the stock type's order, without serialising both keys at
 * every comparison.
 *
 * <p>An index key ({@link KeyValue}) is neither a type H2 knows nor {@link Comparable}, so H2 orders two of them by
 * their Java serialisations (unsigned bytes, the shorter first), and made both afresh at each of the twenty-odd
 * comparisons of one lookup: in the dispatch benchmark an eighth of the database's CPU went to
 * {@code ObjectOutputStream} under index comparisons (docs/BENCHMARKS.md). A key of one string or one ObjectId,
 * which is every {@code _id} and unique key this service stores, serialises as the same prefix (the key's class,
 * its {@code ArrayList} of one value, the value's class) followed by the value alone: a string as its modified
 * UTF-8 length (two bytes) and bytes, an ObjectId as its 12 bytes. This type compares those parts directly, so the
 * order is the stock one and files written by either type open with the other; any other key goes the stock way.
 * {@code IndexKeyTypeTest} holds the two orders equal for any keys.
 */
final class IndexKeyType extends ObjectDataType {

    /** Longest modified UTF-8 string written with a two-byte length; longer ones are written another way. */
    private static final int SHORT_STRING_BYTES = 0xFFFF;
    private static final int STOCK = Integer.MIN_VALUE;

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue ka && b instanceof KeyValue kb && ka.size() == 1 && kb.size() == 1) {
            int fast = compareValues(ka.get(0), kb.get(0));
            if (fast != STOCK) {
                return fast;
            }
        }
        return super.compare(a, b);
    }

    private static int compareValues(Object a, Object b) {
        if (a instanceof String sa && b instanceof String sb) {
            return compareStrings(sa, sb);
        }
        if (a != null && b != null && a.getClass() == ObjectId.class && b.getClass() == ObjectId.class) {
            return compareNotNull(((ObjectId) a).toByteArray(), ((ObjectId) b).toByteArray());
        }
        return STOCK;
    }

    /** As their serialisations compare: the two length bytes first, then the encoded characters (unsigned). */
    private static int compareStrings(String a, String b) {
        int la = encodedLength(a);
        int lb = encodedLength(b);
        if (la > SHORT_STRING_BYTES || lb > SHORT_STRING_BYTES) {
            return STOCK;
        }
        if (la != lb) {
            return Integer.compare(la, lb);
        }
        // the same length: the first differing byte decides; a character's bytes differ where its value does
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return Integer.compare(rank(x), rank(y));
            }
        }
        return 0;
    }

    /**
     * Where a character's modified UTF-8 encoding sorts (unsigned bytes) among those of the others: by its value, the
     * longer encodings' lead bytes being higher, except NUL, which is written in two bytes ({@code C0 80}): after
     * every one-byte character and before every other two-byte one.
     */
    private static int rank(char c) {
        return c == 0 ? 0x7F * 2 + 1 : c * 2;
    }

    private static int encodedLength(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        return bytes;
    }
}
