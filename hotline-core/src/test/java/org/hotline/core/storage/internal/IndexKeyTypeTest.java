package org.hotline.core.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * {@link IndexKeyType} orders index keys exactly as H2's stock type does (which an existing file's B-trees are
 * sorted by): keys of one string or one ObjectId, which it compares itself, and any other, which it leaves to the
 * stock type.
 */
class IndexKeyTypeTest {

    private final ObjectDataType stock = new ObjectDataType();

    @Provide
    Arbitrary<Object> value() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(8),
                Arbitraries.strings().withChars('a', 'b').ofMinLength(120).ofMaxLength(140),
                Arbitraries.integers(), Arbitraries.longs(), Arbitraries.doubles(), Arbitraries.of(true, false),
                Arbitraries.bytes().array(byte[].class).ofSize(12).map(ObjectId::new),
                Arbitraries.just(null));
    }

    /** Keys of one value (every key this service's indexes hold) most of the time, of several otherwise. */
    @Provide
    Arbitrary<KeyValue> key() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, value().map(KeyValue::new)),
                net.jqwik.api.Tuple.of(1, value().list().ofMinSize(2).ofMaxSize(3).map(KeyValue::new)));
    }

    /** Short strings of characters whose encodings take one, two and three bytes (NUL takes two). */
    @Provide
    Arbitrary<String> tricky() {
        return Arbitraries.strings().withChars('a', 'b', '\u0000', '\u007f', '\u0080', '\u00e9', '\u07ff', '\u0800',
                '\ud800', '\uffff').ofMaxLength(5);
    }

    @Property(tries = 600)
    void shouldOrderKeysOfOneStringAsTheStockTypeDoes(@ForAll("tricky") String a, @ForAll("tricky") String b) {
        KeyValue ka = new KeyValue(a);
        KeyValue kb = new KeyValue(b);
        assertThat(Integer.signum(new IndexKeyType().compare(ka, kb))).isEqualTo(Integer.signum(stock.compare(ka, kb)));
    }

    @Provide
    Arbitrary<List<KeyValue>> keys() {
        return key().list().ofMinSize(2).ofMaxSize(12);
    }

    @Property(tries = 400)
    void shouldOrderAnyTwoKeysAsTheStockTypeDoes(@ForAll("key") KeyValue a, @ForAll("key") KeyValue b) {
        IndexKeyType fast = new IndexKeyType();
        int expected = Integer.signum(stock.compare(a, b));
        assertThat(Integer.signum(fast.compare(a, b))).isEqualTo(expected);
        assertThat(Integer.signum(fast.compare(b, a))).isEqualTo(-expected);
        // an equal key that is another object
        KeyValue copy = new KeyValue(new ArrayList<>(a.stream().toList()));
        assertThat(Integer.signum(fast.compare(copy, b))).isEqualTo(expected);
    }

    @Property(tries = 100)
    void shouldSortKeysInTheStockOrder(@ForAll("keys") List<KeyValue> keys) {
        IndexKeyType fast = new IndexKeyType();
        List<KeyValue> byStock = new ArrayList<>(keys);
        byStock.sort(stock::compare);
        List<KeyValue> byFast = new ArrayList<>(keys);
        byFast.sort(fast::compare);
        assertThat(byFast).containsExactlyElementsOf(byStock);
    }

    @Property(tries = 100)
    void shouldLeaveAnythingButTwoKeysToTheStockType(@ForAll("value") Object plain, @ForAll("key") KeyValue key) {
        IndexKeyType fast = new IndexKeyType();
        assertThat(Integer.signum(fast.compare(plain, key))).isEqualTo(Integer.signum(stock.compare(plain, key)));
        assertThat(Integer.signum(fast.compare(key, plain))).isEqualTo(Integer.signum(stock.compare(key, plain)));
    }

    @Test
    void shouldOrderTwoCharactersAtTheSamePlaceAsTheStockTypeDoes() {
        // x + y against y + x: the same encoded length, so their first characters alone decide, for every pair of
        // one-, two- and three-byte characters and NUL (two bytes, sorting after every one-byte character)
        char[] chars = {'a', 'b', '\u0000', '\u0001', '\u007f', '\u0080', '\u00e9', '\u07ff', '\u0800', '\ud800',
                '\uffff'};
        IndexKeyType fast = new IndexKeyType();
        for (char x : chars) {
            for (char y : chars) {
                KeyValue a = new KeyValue("" + x + y);
                KeyValue b = new KeyValue("" + y + x);
                assertThat(Integer.signum(fast.compare(a, b))).as("%04x against %04x", (int) x, (int) y)
                        .isEqualTo(Integer.signum(stock.compare(a, b)));
            }
        }
    }

    @Test
    void shouldOrderStringsTooLongForATwoByteLengthAsTheStockTypeDoes() {
        IndexKeyType fast = new IndexKeyType();
        // 22,000 three-byte characters: 66,000 bytes, which Java serialisation writes with a long length
        KeyValue longest = new KeyValue("\u0800".repeat(22_000));
        KeyValue longer = new KeyValue("\u0800".repeat(21_999) + "a");
        for (KeyValue other : List.of(longer, new KeyValue("b"), new KeyValue("\u0800".repeat(21_845)))) {
            assertThat(Integer.signum(fast.compare(longest, other))).isEqualTo(Integer.signum(stock.compare(longest, other)));
            assertThat(Integer.signum(fast.compare(other, longest))).isEqualTo(Integer.signum(stock.compare(other, longest)));
        }
    }
}
