package org.hotline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each of the collections that hold a case or a victim's words has one owner that alone names it: {@code tips}
 * the tip repository, {@code referrals} the referral store, {@code text_sessions} and {@code text_outbox} the
 * text channels' stores. Everything else reaches them through those features' types,
 * so a new feature cannot bypass encryption, consent or disclosure by reading the collection itself.
 */
class CollectionOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java/org/hotline/core");
    private static final Map<String, String> OWNERS = Map.of(
            "tips", "tip/internal/MongoTipRepository.java",
            "referrals", "referral/internal/MongoReferralStore.java",
            // a victim's text conversation and the replies waiting for the gateway hold the number and the words
            "text_sessions", "text/internal/MongoTextSessionStore.java",
            "text_outbox", "text/internal/MongoTextOutbox.java",
            // links between reports: references only, but they tie cases together
            "tip_links", "related/internal/MongoTipLinks.java");

    @Test
    void shouldNameEachCaseCollectionOnlyInItsRepository() {
        OWNERS.forEach((collection, owner) -> assertThat(filesNaming(collection))
                .as("main sources naming the %s collection", collection).containsExactly(owner));
    }

    @Test
    void shouldSpotACollectionNamedInAnyOtherFile() {
        // given a line the way a bypass would write it
        String bypass = "var tips = db.getCollection(\"tips\");";

        // then the check's pattern finds it, and does not mistake a JSON key for it
        assertThat(naming("tips").matcher(bypass).find()).isTrue();
        assertThat(naming("tips").matcher("json.put(\"tips\", array)").find()).isFalse();
    }

    /** A string literal of the collection name used as a collection: in getCollection or as a name constant. */
    private static Pattern naming(String collection) {
        return Pattern.compile("getCollection\\(\"" + collection + "\"\\)|String [A-Z_]+ = \"" + collection + "\"");
    }

    private static List<String> filesNaming(String collection) {
        Pattern pattern = naming(collection);
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> pattern.matcher(read(p)).find())
                    .map(p -> MAIN.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
