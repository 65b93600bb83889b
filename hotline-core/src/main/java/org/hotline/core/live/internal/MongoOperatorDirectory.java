package org.hotline.core.live.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Optional;
import org.bson.Document;
import org.hotline.core.auth.Principal;
import org.hotline.core.live.OperatorDirectory;
import org.hotline.core.storage.MongoStore;

/**
 * Operators' phones as field {@code amiInterface} on their account in collection {@code users}
 * (set by an administrator with {@link #assign}).
 */
public final class MongoOperatorDirectory implements OperatorDirectory {

    public static final String FIELD = "amiInterface";

    private final MongoCollection<Document> users;

    public MongoOperatorDirectory(MongoStore store) {
        this.users = store.database().getCollection("users");
    }

    @Override
    public Optional<String> agentInterface(Principal principal) {
        Document user = users.find(Filters.eq("_id", principal.userId())).first();
        return Optional.ofNullable(user).map(u -> u.getString(FIELD)).filter(OperatorDirectory::isValidInterface);
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
