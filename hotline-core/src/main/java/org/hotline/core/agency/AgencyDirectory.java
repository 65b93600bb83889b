package org.hotline.core.agency;

import com.mongodb.client.MongoDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.hotline.core.referral.Referral;
import org.hotline.core.referral.ReferralQueries;
import org.hotline.core.referral.ReferralState;
import org.hotline.pathway.Agency;
import org.hotline.pathway.Channel;
import org.hotline.pathway.Pathway;

/**
 * The referral directory of the active pathway, HSDS-aligned (organization, services, service areas,
 * languages, phones, contacts, opening hours, channels), with each channel's health from the outbox: last delivery, failed attempts in the last
 * 24 hours, referrals failing now or dead-lettered in the last 30 days, and whether this node's circuit
 * breaker for the agency is open. Contacts of agencies only; no tip data.
 */
public final class AgencyDirectory {

    static final Duration WINDOW = Duration.ofDays(30);
    static final Duration FAILURE_WINDOW = Duration.ofHours(24);

    private final ReferralQueries referrals;
    private final Supplier<Pathway> pathway;
    private final Supplier<Set<String>> openCircuits;
    private final Clock clock;

    public AgencyDirectory(MongoDatabase database, Supplier<Pathway> pathway, Supplier<Set<String>> openCircuits,
            Clock clock) {
        this.referrals = new ReferralQueries(database);
        this.pathway = pathway;
        this.openCircuits = openCircuits;
        this.clock = clock;
    }

    /** The active pathway's directory as HSDS 3 tables ({@link HsdsExport}); reads nothing else. */
    public JsonObject hsds() {
        return HsdsExport.of(pathway.get(), clock.instant());
    }

    /** The directory with health (blocking: reads the outbox). */
    public JsonObject directory() {
        Instant now = clock.instant();
        Pathway active = pathway.get();
        Map<String, Health> health = health(now);
        Set<String> open = openCircuits.get();
        JsonArray organizations = new JsonArray();
        for (Agency agency : active.agencies()) {
            JsonArray services = new JsonArray();
            agency.services().forEach(s -> services.add(new JsonObject().put("id", s.id()).put("name", s.name())
                    .put("description", s.description())));
            JsonArray channels = new JsonArray();
            for (Channel channel : agency.channels()) {
                Health h = health.getOrDefault(agency.id() + "/" + channel.kind(), new Health());
                channels.add(new JsonObject().put("kind", channel.kind()).put("address", address(channel))
                        .put("lastDeliveredAt", h.lastDelivered == null ? null : h.lastDelivered.toString())
                        .put("failedAttempts24h", h.failedAttempts).put("failingNow", h.failing)
                        .put("deadLetters30d", h.deadLetters)
                        .put("circuit", channel instanceof Channel.Portal ? "n/a" : open.contains(agency.id()) ? "open" : "closed"));
            }
            JsonObject organization = new JsonObject().put("id", agency.id()).put("name", agency.name())
                    .put("kind", agency.kind()).put("serviceAreas", new JsonArray(agency.serviceAreas()))
                    .put("languages", new JsonArray(agency.languages()))
                    .put("services", services).put("channels", channels);
            active.definition().agency(agency.id()).ifPresent(entry -> organization.mergeIn(HsdsExport.reach(entry)));
            organizations.add(organization);
        }
        return new JsonObject().put("pathwayId", active.id()).put("pathwayVersion", active.version())
                .put("generatedAt", now.toString()).put("organizations", organizations);
    }

    private static String address(Channel channel) {
        return switch (channel) {
            case Channel.Webhook w -> w.url();
            case Channel.Email e -> e.address();
            case Channel.Sms s -> s.number();
            case Channel.Portal p -> "agency portal";
        };
    }

    private static final class Health {
        Instant lastDelivered;
        int failedAttempts;
        int failing;
        int deadLetters;
    }

    /** Health per {@code agencyId/channel} from the referrals of the last 30 days. */
    private Map<String, Health> health(Instant now) {
        Map<String, Health> out = new HashMap<>();
        Instant failureSince = now.minus(FAILURE_WINDOW);
        for (Referral r : referrals.createdSince(now.minus(WINDOW))) {
            Health h = out.computeIfAbsent(r.agencyId() + "/" + r.channel(), k -> new Health());
            Instant delivered = r.deliveredAt();
            if (delivered != null && (h.lastDelivered == null || delivered.isAfter(h.lastDelivered))) {
                h.lastDelivered = delivered;
            }
            h.failing += r.state() == ReferralState.FAILED ? 1 : 0;
            h.deadLetters += r.state() == ReferralState.DEAD_LETTER ? 1 : 0;
            for (Referral.Attempt a : r.attempts()) {
                if (!"delivered".equals(a.result()) && a.at() != null && a.at().isAfter(failureSince)) {
                    out.computeIfAbsent(r.agencyId() + "/" + a.channel(), k -> new Health()).failedAttempts++;
                }
            }
        }
        return out;
    }
}
