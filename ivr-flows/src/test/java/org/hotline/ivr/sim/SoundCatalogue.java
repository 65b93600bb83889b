package org.hotline.ivr.sim;

import java.util.Map;
import java.util.Set;

/**
 * The sound files the simulated Asterisk has. A file missing from the catalogue plays like a missing file
 * on a real Asterisk: {@code STREAM FILE} answers {@code 200 result=-1 endpos=0}.
 */
@FunctionalInterface
public interface SoundCatalogue {

    /** Asterisk's default language, tried when a file is missing in the channel's language. */
    String DEFAULT_LANGUAGE = "en";

    boolean exists(String language, String file);

    /** Every file exists (no catalogue given). */
    static SoundCatalogue anything() {
        return (language, file) -> true;
    }

    /** These file names exist in every language. */
    static SoundCatalogue of(Set<String> files) {
        Set<String> known = Set.copyOf(files);
        return (language, file) -> known.contains(file);
    }

    /** Files per language, falling back to {@code en} like Asterisk's file lookup. */
    static SoundCatalogue perLanguage(Map<String, Set<String>> filesByLanguage) {
        Map<String, Set<String>> known = Map.copyOf(filesByLanguage);
        return (language, file) -> known.getOrDefault(language, Set.of()).contains(file)
                || known.getOrDefault(DEFAULT_LANGUAGE, Set.of()).contains(file);
    }
}
