package org.hotline.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.auth.Principal;
import org.hotline.core.auth.Role;
import org.hotline.core.live.internal.MongoOperatorDirectory;
import org.hotline.core.storage.MongoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An operator's phone is still known while MongoDB is down, so call pops and pausing keep working. */
class OperatorPhoneOutageIT {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private MongoStore store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
        server.shutdownNow();
    }

    @Test
    void shouldAnswerThePhoneLastReadWhileMongoIsDown() {
        // given an operator whose phone this node has read once
        InetSocketAddress address = server.bind();
        store = MongoStore.external("mongodb://127.0.0.1:" + address.getPort(), "hotline", Duration.ofSeconds(1));
        store.database().getCollection("users").insertOne(new Document("_id", "u-ana")
                .append(MongoOperatorDirectory.FIELD, "PJSIP/op-ana"));
        MongoOperatorDirectory directory = new MongoOperatorDirectory(store);
        Principal ana = new Principal("u-ana", "ana", Set.of(Role.OPERATOR), Optional.empty());
        Principal ben = new Principal("u-ben", "ben", Set.of(Role.OPERATOR), Optional.empty());
        assertThat(directory.agentInterface(ana)).contains("PJSIP/op-ana");

        // when MongoDB goes away
        server.shutdownNow();

        // then her phone is still known, and one never read still needs MongoDB
        assertThat(directory.agentInterface(ana)).contains("PJSIP/op-ana");
        assertThatThrownBy(() -> directory.agentInterface(ben)).isInstanceOf(RuntimeException.class);
    }
}
