package org.hotline.core.related;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The form two reports' free-text values are compared in: accents, case, punctuation and word order dropped, so
 * "Kofi's farm, Ganta" and "ganta kofis FARM" match. Only ever held in memory, never stored or shown.
 */
public final class RelationKey {

    private RelationKey() {}

    /** The comparable form of {@code value}, or null when it holds no letters or digits. */
    public static String of(Object value) {
        if (value == null) {
            return null;
        }
        String plain = Normalizer.normalize(value.toString(), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .replaceAll("['’]", "").toLowerCase(Locale.ROOT);
        String key = Arrays.stream(plain.split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty()).sorted()
                .distinct().collect(Collectors.joining(" "));
        return key.isEmpty() ? null : key;
    }
}
