package org.hotline.core.testsupport;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Reads the stored audit log the way someone with the database would, looking for text that must not be there. */
public final class AuditScan {

    private AuditScan() {}

    /** Every audit entry (as JSON) that holds {@code text} anywhere: actor, action, target or details. */
    public static List<String> entriesHolding(MongoDatabase database, String text) {
        List<String> found = new ArrayList<>();
        for (Document entry : database.getCollection("audit_log").find()) {
            String json = entry.toJson();
            if (json.contains(text)) {
                found.add(json);
            }
        }
        return found;
    }
}
