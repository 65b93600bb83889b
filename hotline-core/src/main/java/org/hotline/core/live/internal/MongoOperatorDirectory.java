package org.hotline.core.live.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.hotline.core.auth.Principal;
import org.hotline.core.live.OperatorDirectory;
import org.hotline.core.storage.MongoOutage;
import org.hotline.core.storage.MongoStore;

/**
 * Operators' phones as field {@code amiInterface} on their account in collection {@code users}
 * (set by an administrator with {@link #assign}). The phones last read are kept in the node (at most
 * {@value #REMEMBERED}, least recently used forgotten first), so that an operator signed in before a MongoDB outage
 * still gets call pops and can pause while it lasts.
 */
public final class MongoOperatorDirectory implements OperatorDirectory {

    public static final String FIELD = "amiInterface";

    static final int REMEMBERED = 10_000;

    private final MongoCollection<Document> users;
    private final Map<String, Optional<String>> lastRead = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
                    return size() > REMEMBERED;
                }
            });

    public MongoOperatorDirectory(MongoStore store) {
        this.users = store.database().getCollection("users");
    }

    @Override
    public Optional<String> agentInterface(Principal principal) {
        Document user;
        try {
            user = users.find(Filters.eq("_id", principal.userId())).first();
        } catch (RuntimeException e) {
            Optional<String> known = lastRead.get(principal.userId());
            if (known == null || !MongoOutage.isOutage(e)) {
                throw e;
            }
            return known;
        }
        Optional<String> phone = Optional.ofNullable(user).map(u -> u.getString(FIELD))
                .filter(OperatorDirectory::isValidInterface);
        lastRead.put(principal.userId(), phone);
        return phone;
    }

    /**
     * Assigns a phone interface to an account.
     *
     * @throws IllegalArgumentException when the interface is malformed or the account does not exist
     */
    public void assign(String userId, String agentInterface) {
        if (!OperatorDirectory.isValidInterface(agentInterface)) {
            throw new IllegalArgumentException("An interface looks like PJSIP/op-ana (technology/resource).");
        }
        if (users.updateOne(Filters.eq("_id", userId), Updates.set(FIELD, agentInterface)).getMatchedCount() == 0) {
            throw new IllegalArgumentException("No account has id " + userId + ".");
        }
    }
}
