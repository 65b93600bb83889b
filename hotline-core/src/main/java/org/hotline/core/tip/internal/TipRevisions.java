package org.hotline.core.tip.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.tip.TipRepository.Revision;
import org.hotline.core.tip.TipStatus;

/**
 * An operator's change to a stored tip as one atomic update: the fields (personal ones sealed for this tip),
 * consents with their wording, the callback decision, the emergency note, the operator's mark and the next
 * revision number.
 */
final class TipRevisions {

    /** Ids of the kept forms already applied to a tip. */
    private static final String KEPT = "keptFormsApplied";

    private final MongoCollection<Document> tips;
    private final TipCipher cipher;

    TipRevisions(MongoCollection<Document> tips, TipCipher cipher) {
        this.tips = tips;
        this.cipher = cipher;
    }

    int apply(String tipId, Revision revision) {
        Document current = tips.find(Filters.eq("_id", tipId)).projection(new Document("status", 1).append("fields", 1)
                .append("callerNumber", 1).append("recording", 1)).first();
        if (current == null) {
            throw new IllegalStateException("tip " + tipId + " vanished while saving the operator's change");
        }
        List<Bson> changes = new ArrayList<>(sealed(tipId, revision));
        if (revision.wholeForm()) {
            changes.addAll(withdrawn(current, revision));
        }
        Date at = Date.from(revision.at());
        revision.consents().forEach((purpose, given) -> {
            changes.add(Updates.set("consents." + purpose, given));
            changes.add(Updates.set("consentRecords." + purpose, new Document("wording", revision.consentWording())
                    .append("language", revision.consentLanguage()).append("by", revision.by()).append("at", at)));
        });
        if (revision.callbackEffective() != null) {
            changes.add(Updates.set("callbackEffective", revision.callbackEffective()));
        }
        if (revision.emergencyNote() != null) {
            changes.add(Updates.push("emergencies", new Document("at", at).append("by", revision.by())
                    .append("note", cipher.sealText(tipId, "emergencies.note", revision.emergencyNote()))));
            if (TipStatus.CLOSED.name().equals(current.getString("status"))) {
                changes.add(Updates.set("status", TipStatus.REFERRED.name()));
            }
        }
        changes.add(Updates.inc("intakeRevision", 1));
        changes.add(Updates.addToSet("operatorIds", revision.by()));
        changes.add(Updates.set("intake", new Document("by", revision.by()).append("at", at).append("kind", revision.kind())));
        Bson which = Filters.eq("_id", tipId);
        if (revision.keptId() != null) {
            // a kept form replayed after a crash finds its id here and changes nothing the second time
            changes.add(Updates.addToSet(KEPT, revision.keptId()));
            which = Filters.and(which, Filters.ne(KEPT, revision.keptId()));
        }
        Document after = tips.findOneAndUpdate(which, Updates.combine(changes),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null && revision.keptId() != null) {
            Document applied = tips.find(Filters.and(Filters.eq("_id", tipId), Filters.eq(KEPT, revision.keptId())))
                    .projection(new Document("intakeRevision", 1)).first();
            if (applied != null) {
                return applied.getInteger("intakeRevision");
            }
        }
        if (after == null) {
            throw new IllegalStateException("tip " + tipId + " vanished while saving the operator's change");
        }
        return after.getInteger("intakeRevision");
    }

    /**
     * What a whole-form revision takes away: personal fields the form no longer carries, the calling number
     * without callback consent, the recording without recording consent. Nothing of it stays encrypted either.
     */
    private static List<Bson> withdrawn(Document current, Revision revision) {
        List<Bson> out = new ArrayList<>();
        Document fields = current.get("fields", Document.class);
        if (fields != null) {
            fields.keySet().stream().filter(TipCipher::isPersonalField)
                    .filter(name -> revision.fields().get(name) == null)
                    .forEach(name -> out.add(Updates.unset("fields." + name)));
        }
        if (current.get("callerNumber") != null && Boolean.FALSE.equals(revision.consents().get("callback"))) {
            out.add(Updates.unset("callerNumber"));
        }
        if (current.get("recording") != null && Boolean.FALSE.equals(revision.consents().get("record"))) {
            out.add(Updates.unset("recording"));
        }
        return out;
    }

    /** The revision's fields as updates: personal values sealed for this tip, the rest as they are. */
    private List<Bson> sealed(String tipId, Revision revision) {
        Document partial = new Document("_id", tipId).append("fields", new Document(revision.fields()));
        if (revision.callerNumber() != null) {
            partial.append("callerNumber", revision.callerNumber());
        }
        Document sealed = cipher.seal(partial);
        List<Bson> out = new ArrayList<>();
        sealed.get("fields", Document.class).forEach((name, value) -> out.add(Updates.set("fields." + name, value)));
        if (sealed.get("callerNumber") != null) {
            out.add(Updates.set("callerNumber", sealed.get("callerNumber")));
        }
        List<String> keys = sealed.getList(TipCipher.ENC_KEYS, String.class, List.of());
        if (!keys.isEmpty()) {
            out.add(Updates.addEachToSet(TipCipher.ENC_KEYS, keys));
        }
        return out;
    }
}
