package org.hotline.core.console;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.hotline.core.auth.Principal;
import org.hotline.core.auth.Role;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.intake.JournaledQueue;

/**
 * Intake forms and emergencies an operator saved for an existing tip while MongoDB could not be reached: each is
 * sealed (personal values and the note encrypted, bound to the kept item's id), fsynced in the node's form
 * journal and applied, once, when MongoDB answers again ({@link IntakeService#applyKept}).
 */
final class KeptForms {

    static final String FORM = "form";
    static final String EMERGENCY = "emergency";

    /** A kept item as read back: who saved what, when, for which reference. */
    record Kept(String id, String kind, String reference, Principal by, Instant at, Optional<IntakeForm> form,
            String note) {}

    private final JournaledQueue journal;
    private final TipCipher cipher;
    private final Clock clock;

    KeptForms(JournaledQueue journal, TipCipher cipher, Clock clock) {
        this.journal = journal;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Makes the form durable on this node; returns once it is fsynced. */
    void keepForm(String reference, IntakeForm form, Principal by) {
        Document kept = base(FORM, reference, by).append("fields", new Document(form.fields()))
                .append("consents", new Document(new LinkedHashMap<>(form.consents())))
                .append("language", form.language());
        journal.add(cipher.seal(kept));
    }

    /** Makes the emergency durable on this node; returns once it is fsynced. */
    void keepEmergency(String reference, String note, Principal by) {
        Document kept = base(EMERGENCY, reference, by);
        kept.append("note", cipher.sealText(kept.getString("_id"), "note", note));
        journal.add(kept);
    }

    /** A kept item from its journaled (sealed) document. */
    Kept read(Document sealed) {
        Document open = cipher.open(sealed);
        String id = open.getString("_id");
        Document by = open.get("by", Document.class);
        Principal principal = new Principal(by.getString("userId"), by.getString("username"),
                roles(by.getList("roles", String.class)), Optional.empty());
        Optional<IntakeForm> form = Optional.empty();
        if (FORM.equals(open.getString("kind"))) {
            Map<String, Boolean> consents = new LinkedHashMap<>();
            open.get("consents", Document.class).forEach((purpose, given) -> consents.put(purpose, (Boolean) given));
            form = Optional.of(new IntakeForm(Optional.of(open.getString("reference")),
                    new LinkedHashMap<>(open.get("fields", Document.class)), consents, open.getString("language")));
        }
        return new Kept(id, open.getString("kind"), open.getString("reference"), principal,
                open.getDate("at").toInstant(), form, cipher.openText(id, "note", sealed.getString("note")));
    }

    private Document base(String kind, String reference, Principal by) {
        return new Document("_id", UUID.randomUUID().toString()).append("kind", kind).append("reference", reference)
                .append("by", new Document("userId", by.userId()).append("username", by.username())
                        .append("roles", by.roles().stream().map(Role::name).sorted().toList()))
                .append("at", Date.from(clock.instant()));
    }

    private static EnumSet<Role> roles(List<String> names) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(Role.valueOf(name)));
        return roles;
    }
}
