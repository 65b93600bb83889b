package org.hotline.core.node;

import java.util.concurrent.TimeUnit;

/**
 * Waiting on the node's asynchronous start-up and shut-down steps (Vert.x futures) from the assembling thread, and
 * start-up steps that may wait for MongoDB.
 */
final class Startups {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Startups.class);

    private Startups() {}

    /** Creates the indexes both MongoDB and the embedded server honour, or says they wait for the next start. */
    static void tryIndexes(Runnable ensureIndexes) {
        try {
            ensureIndexes.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not create indexes now (MongoDB unreachable?); they are created on the next start", e);
        }
    }

    /** Closes a part, logging instead of throwing (cleaning up after a failed start, or background parts). */
    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Closing {} failed: {}", closeable.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** Awaits a server's listen; a taken port becomes a {@link PortInUseException} naming {@code variable}. */
    static <T> T listen(io.vertx.core.Future<T> listening, String what, String host, int port, String variable) {
        try {
            return await(listening);
        } catch (IllegalStateException e) {
            if (PortInUseException.isBindFailure(e)) {
                throw new PortInUseException(what, host, port, variable, e);
            }
            throw e;
        }
    }

    /** Awaits one step, at most 30 seconds; a failure names the step's cause. */
    static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("start-up step failed: " + e.getMessage(), e);
        }
    }

    /** Starts the embedded MongoDB-compatible server; a taken port is a {@link PortInUseException}. */
    static org.hotline.core.storage.MongoStore embeddedMongo(HotlineConfig config) {
        try {
            return org.hotline.core.storage.MongoStore.embedded(config.dataDir().resolve("mongo"),
                    config.embeddedMongoPort(), config.mongoDatabase(), config.mongoTimeout());
        } catch (Exception e) { // netty throws the BindException unchecked
            if (PortInUseException.isBindFailure(e)) {
                throw new PortInUseException("Embedded MongoDB", "127.0.0.1", config.embeddedMongoPort(),
                        "HOTLINE_EMBEDDED_MONGO_PORT", e);
            }
            throw e;
        }
    }

    /** Exports the node's MongoDB round trips as {@code hotline_mongodb_commands_total}. */
    static void exportRoundTrips(org.hotline.core.storage.MongoStore mongo, org.hotline.core.metrics.HotlineMetrics metrics) {
        metrics.mongoCommands(() -> mongo.roundTrips().snapshot().entrySet().stream()
                .map(e -> new org.hotline.core.metrics.HotlineMetrics.CommandCount(e.getKey().command(),
                        e.getKey().collection(), e.getValue()))
                .toList());
    }

    /** The privacy jobs of a back-office node: retention, key rotation, expired sign-in sessions. */
    static org.hotline.core.privacy.PrivacyJobs privacyJobs(org.hotline.core.tip.internal.MongoTipRepository tips,
            org.hotline.core.storage.MongoStore mongo, org.hotline.core.audit.AuditLog audit,
            org.hotline.core.crypto.TipCipher cipher, PrivacySettings privacy, java.util.function.LongSupplier purgeSessions,
            java.time.Clock clock) {
        return org.hotline.core.privacy.PrivacyJobs.start(new org.hotline.core.retention.RetentionPurge(tips,
                        mongo.database(), privacy.retention(), audit, clock), privacy.retention().interval(),
                new org.hotline.core.tip.internal.KeyRotation(mongo.database(), cipher), privacy.rotationInterval(),
                purgeSessions);
    }
}
