package org.hotline.core.referral.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.referral.Referral;
import org.hotline.core.referral.ReferralState;
import org.hotline.pathway.Channel;

/** Maps referral documents (collection {@code referrals}) to and from Java values. */
public final class ReferralDocuments {

    private ReferralDocuments() {}

    public static Document channel(Channel channel) {
        Document doc = new Document("kind", channel.kind());
        switch (channel) {
            case Channel.Webhook w -> doc.append("url", w.url()).append("secretRef", w.secretRef());
            case Channel.Email e -> doc.append("address", e.address());
            case Channel.Sms s -> doc.append("number", s.number());
            case Channel.Portal p -> { }
        }
        return doc;
    }

    public static Channel channel(Document doc) {
        return switch (doc.getString("kind")) {
            case "webhook" -> new Channel.Webhook(doc.getString("url"), doc.getString("secretRef"));
            case "email" -> new Channel.Email(doc.getString("address"));
            case "sms" -> new Channel.Sms(doc.getString("number"));
            case "portal" -> new Channel.Portal();
            default -> throw new IllegalStateException("unknown channel kind " + doc.getString("kind"));
        };
    }

    /** The channels stored on a referral, in pathway order. */
    public static List<Channel> channels(Document referral) {
        List<Channel> out = new ArrayList<>();
        for (Document d : referral.getList("channels", Document.class, List.of())) {
            out.add(channel(d));
        }
        return out;
    }

    /** The request a channel route needs for this referral over {@code channel}. */
    public static DeliveryRequest request(Document referral, Channel channel) {
        Map<String, Object> payload = plain(referral.get("payload", Document.class));
        Object category = payload == null ? null : payload.get("exploitationType");
        return new DeliveryRequest(
                referral.getString("_id"),
                referral.getString("reference"),
                referral.getString("agencyId"),
                referral.getString("agencyName"),
                category == null ? null : category.toString(),
                referral.getString("priority"),
                instant(referral, "ackDeadline"),
                payload,
                idempotencyKey(referral),
                channel,
                Boolean.TRUE.equals(referral.getBoolean("abroad")));
    }

    /**
     * The key a delivery carries: stable per referral, with a suffix per reminder so that the agency, which
     * drops repeats of a key, sees a reminder as a new message about the same referral.
     */
    static String idempotencyKey(Document referral) {
        int reminders = referral.getInteger("reminders", 0);
        String key = referral.getString("idempotencyKey");
        return reminders == 0 ? key : key + ":reminder-" + reminders;
    }

    public static Document attempt(Instant at, String node, String channel, DeliveryResult result, long latencyMillis) {
        String error = switch (result) {
            case DeliveryResult.Delivered d -> null;
            case DeliveryResult.Retry r -> r.reason();
            case DeliveryResult.Rejected r -> r.reason();
        };
        return new Document("at", Date.from(at))
                .append("node", node)
                .append("channel", channel)
                .append("result", result.result())
                .append("httpStatus", result.httpStatus())
                .append("latencyMs", latencyMillis)
                .append("error", error);
    }

    public static Referral referral(Document doc) {
        List<Referral.Attempt> attempts = new ArrayList<>();
        for (Document a : doc.getList("attempts", Document.class, List.of())) {
            attempts.add(new Referral.Attempt(instant(a, "at"), a.getString("node"), a.getString("channel"),
                    a.getString("result"), a.getInteger("httpStatus"), a.get("latencyMs", Number.class).longValue(),
                    a.getString("error")));
        }
        return new Referral(
                doc.getString("_id"), doc.getString("tipId"), doc.getString("reference"), doc.getString("agencyId"),
                doc.getString("agencyName"), doc.getString("profile"), doc.getString("category"),
                doc.getString("priority"), doc.getString("channel"), ReferralState.valueOf(doc.getString("state")),
                doc.getString("pathwayId"), doc.getString("pathwayVersion"),
                doc.getList("matchedRules", String.class, List.of()),
                doc.getList("escalationChain", String.class, List.of()),
                plain(doc.get("payload", Document.class)), doc.getString("idempotencyKey"),
                instant(doc, "createdAt"), instant(doc, "ackDeadline"), instant(doc, "nextAttemptAt"),
                instant(doc, "deliveredAt"), attempts, doc.getString("lastError"));
    }

    static Instant instant(Document doc, String key) {
        Date date = doc.getDate(key);
        return date == null ? null : date.toInstant();
    }

    private static Map<String, Object> plain(Document doc) {
        return doc == null ? Map.of() : new LinkedHashMap<>(doc);
    }
}
