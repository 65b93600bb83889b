package org.hotline.core.related;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipRepository;

/**
 * Related reports for supervisors: reports that share a place ({@code location}), a perpetrator description, an
 * employer or the calling number's keyed hash are suggested, saying which attribute matched and never its value; a
 * supervisor links or unlinks two reports. Links are only a note between references: nothing that goes to an agency
 * reads them, so each referral still carries its own tip's disclosed payload only. Reads and every link or unlink
 * request are audited with references only. Blocking (storage).
 */
public final class RelatedReports {

    /** How many of the newest reports a suggestion looks through. */
    public static final int WINDOW = 500;
    /** The attributes compared, in the order a suggestion lists them. */
    public static final List<String> ATTRIBUTES = List.of("location", "perpetrator", "employer", "callerNumber");

    /** A report related to the one asked about: which attributes matched (maybe none when only linked). */
    public record Related(String reference, Instant receivedAt, List<String> matched, boolean linked) {}

    private final TipRepository tips;
    private final TipLinkStore links;
    private final AuditLog audit;
    private final Clock clock;

    public RelatedReports(TipRepository tips, TipLinkStore links, AuditLog audit, Clock clock) {
        this.tips = tips;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The reports related to {@code reference}, suggested ones first (newest first), then linked ones outside the
     * window; empty when there is no such report. Audited as {@code related.read}.
     */
    public Optional<List<Related>> of(String actor, String reference) {
        // Matching happens here, after the repository opened the tips, not on stored keyed hashes of the values: a
        // hash of a place or a name kept next to the tip would be one more copy of personal data to rotate and
        // purge. The window keeps the decrypting bounded.
        List<TipRepository.Recent> recent = tips.recent(WINDOW);
        Optional<TipRepository.Recent> asked = recent.stream().filter(r -> r.tip().reference().equals(reference))
                .findFirst().or(() -> tips.byReference(reference)
                        .map(tip -> new TipRepository.Recent(tip, tips.callerHash(reference).orElse(null))));
        if (asked.isEmpty()) {
            audit.record(new AuditEvent(actor, "related.read", reference, Map.of("found", "false")));
            return Optional.empty();
        }
        Map<String, String> keys = keys(asked.get());
        Set<String> linked = links.of(reference).stream().map(l -> l.other(reference)).collect(Collectors.toSet());
        Map<String, Related> out = new LinkedHashMap<>();
        for (TipRepository.Recent other : recent) {
            String ref = other.tip().reference();
            List<String> matched = matched(keys, keys(other));
            if (!ref.equals(reference) && (!matched.isEmpty() || linked.contains(ref))) {
                out.put(ref, new Related(ref, other.tip().receivedAt(), matched, linked.contains(ref)));
            }
        }
        linked.stream().filter(ref -> !out.containsKey(ref)).sorted().forEach(ref -> out.put(ref, new Related(ref,
                tips.byReference(ref).map(Tip::receivedAt).orElse(null), List.of(), true)));
        audit.record(new AuditEvent(actor, "related.read", reference, Map.of("found", "true",
                "suggested", String.valueOf(out.values().stream().filter(r -> !r.matched().isEmpty()).count()))));
        return Optional.of(new ArrayList<>(out.values()));
    }

    /**
     * Links two reports; true when they were not linked before, empty when either does not exist. Audited as
     * {@code related.link} each time it is asked, saying whether it changed anything.
     */
    public Optional<Boolean> link(String actor, String reference, String other) {
        requireTwo(reference, other);
        if (tips.byReference(reference).isEmpty() || tips.byReference(other).isEmpty()) {
            return Optional.empty();
        }
        boolean added = links.add(new TipLink(reference, other, actor, clock.instant()));
        audit.record(new AuditEvent(actor, "related.link", reference, Map.of("other", other,
                "changed", String.valueOf(added))));
        return Optional.of(added);
    }

    /** Unlinks two reports; true when they were linked. Audited as {@code related.unlink} each time it is asked. */
    public boolean unlink(String actor, String reference, String other) {
        requireTwo(reference, other);
        boolean removed = links.remove(reference, other);
        audit.record(new AuditEvent(actor, "related.unlink", reference, Map.of("other", other,
                "changed", String.valueOf(removed))));
        return removed;
    }

    private static void requireTwo(String reference, String other) {
        if (Objects.equals(reference, other)) {
            throw new IllegalArgumentException("a report cannot be linked to itself");
        }
    }

    /** Each compared attribute's comparable form (absent when the report has none). */
    private static Map<String, String> keys(TipRepository.Recent report) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String field : ATTRIBUTES.subList(0, 3)) {
            String key = RelationKey.of(report.tip().fields().get(field));
            if (key != null) {
                keys.put(field, key);
            }
        }
        if (report.callerHash() != null && !report.callerHash().isBlank()) {
            keys.put("callerNumber", report.callerHash());
        }
        return keys;
    }

    private static List<String> matched(Map<String, String> a, Map<String, String> b) {
        return ATTRIBUTES.stream().filter(name -> a.containsKey(name) && a.get(name).equals(b.get(name))).toList();
    }
}
