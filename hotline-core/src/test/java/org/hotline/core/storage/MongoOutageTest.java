package org.hotline.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import java.io.IOException;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/** Which failures mean "MongoDB cannot be reached now" (said once by the watch) and which are a bad request. */
class MongoOutageTest {

    private static final ServerAddress SERVER = new ServerAddress("127.0.0.1", 27017);

    @Test
    void shouldTakeEveryWayTheDriverSaysTheServerIsAwayAsAnOutage() {
        assertThat(MongoOutage.isOutage(new MongoTimeoutException("no server"))).isTrue();
        assertThat(MongoOutage.isOutage(new MongoSocketReadException("end of stream", SERVER))).isTrue();
        assertThat(MongoOutage.isOutage(new MongoSocketOpenException("refused", SERVER, new IOException()))).isTrue();
        assertThat(MongoOutage.isOutage(new MongoConnectionPoolClearedException(
                new ServerId(new ClusterId(), SERVER), new MongoSocketReadException("end", SERVER)))).isTrue();
        assertThat(MongoOutage.isOutage(new MongoConnectionPoolClearedException(
                new ServerId(new ClusterId(), SERVER), null))).isTrue();
        assertThat(MongoOutage.isOutage(new MongoNotPrimaryException(error(10107, "not primary"), SERVER))).isTrue();
        assertThat(MongoOutage.isOutage(new MongoNodeIsRecoveringException(error(91, "shutting down"), SERVER)))
                .isTrue();
    }

    @Test
    void shouldFindTheOutageBehindAWrapper() {
        RuntimeException wrapped = new IllegalStateException("tip not stored",
                new RuntimeException(new MongoTimeoutException("no server")));
        assertThat(MongoOutage.isOutage(wrapped)).isTrue();
    }

    @Test
    void shouldNotTakeABadRequestOrOurOwnFailureForAnOutage() {
        assertThat(MongoOutage.isOutage(new MongoWriteException(
                new WriteError(11000, "duplicate key", new BsonDocument()), SERVER, java.util.Set.of()))).isFalse();
        assertThat(MongoOutage.isOutage(new MongoCommandException(error(2, "bad value"), SERVER))).isFalse();
        assertThat(MongoOutage.isOutage(new IllegalArgumentException("no such agency"))).isFalse();
    }

    private static BsonDocument error(int code, String message) {
        return new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(code))
                .append("errmsg", new BsonString(message));
    }
}
