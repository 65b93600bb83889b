package org.hotline.core.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.time.Duration;
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
 * sorted by), whether a key's serialisation is made fresh or kept, and keeps none for a key nobody holds.
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
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<KeyValue> key() {
        return value().list().ofMinSize(1).ofMaxSize(3).map(KeyValue::new);
    }

    @Provide
    Arbitrary<List<KeyValue>> keys() {
        return key().list().ofMinSize(2).ofMaxSize(12);
    }

    @Property(tries = 400)
    void shouldOrderAnyTwoKeysAsTheStockTypeDoes(@ForAll("key") KeyValue a, @ForAll("key") KeyValue b) {
        IndexKeyType fast = new IndexKeyType();
        int expected = Integer.signum(stock.compare(a, b));
        // fresh, then with both serialisations kept, then each way round
        assertThat(Integer.signum(fast.compare(a, b))).isEqualTo(expected);
        assertThat(Integer.signum(fast.compare(a, b))).isEqualTo(expected);
        assertThat(Integer.signum(fast.compare(b, a))).isEqualTo(-expected);
        // an equal key that is another object: the same order, from its own serialisation
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
    void shouldForgetTheSerialisationOfKeysNobodyHolds() {
        IndexKeyType fast = new IndexKeyType();
        KeyValue held = new KeyValue("held");
        for (int i = 0; i < 1_000; i++) {
            fast.compare(held, new KeyValue("passing-" + i));
        }
        assertThat(fast.kept()).isGreaterThan(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            System.gc();
            return fast.kept() == 1;
        });
        assertThat(fast.compare(held, new KeyValue("held"))).isZero();
    }
}
