package org.hotline.core.cli;

import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.node.SecondFactorSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import org.hotline.core.audit.AuditChain;
import org.hotline.core.audit.AuditEntry;
import org.hotline.core.audit.AuditVerification;
import org.hotline.core.audit.internal.MongoAuditLog;
import org.hotline.core.audit.internal.MongoAuditVerifier;
import org.hotline.core.crypto.DataKeys;
import org.hotline.core.crypto.FieldCipher;
import org.hotline.core.tip.internal.KeyRotation;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.security.ServerKey;
import org.hotline.core.storage.MongoStore;

/**
 * {@code ./hotline audit verify|reseal} and {@code ./hotline keys rotate|reencrypt|status}. They work beside a
 * running node (through its embedded server's port file, or {@code MONGODB_URI}) or on a stopped data dir.
 * Exit codes: 0 fine, 1 tampered log or work left over, 2 bad usage or configuration.
 */
public final class PrivacyCli {

    static final int BATCH = 200;

    private PrivacyCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String command = args.length == 2 ? args[0] + " " + args[1] : "";
        try {
            return switch (command) {
                case "audit verify" -> verify(env, out, err);
                case "audit reseal" -> reseal(env, out, err);
                case "keys rotate" -> rotate(env, out, err);
                case "keys reencrypt" -> reencrypt(env, DataKeys.open(env, HotlineConfig.fromEnv(env).dataDir()), out, err);
                case "keys status" -> status(env, out);
                default -> {
                    err.println("usage: ./hotline audit verify|reseal | ./hotline keys rotate|reencrypt|status");
                    yield 2;
                }
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("hotline: " + e.getMessage());
            return 2;
        }
    }

    private static int verify(Map<String, String> env, PrintStream out, PrintStream err) {
        HotlineConfig config = HotlineConfig.fromEnv(env);
        AuditChain chain = Hotline.auditChain(ServerKey.load(config.serverKey(), config.dataDir()));
        try (MongoStore store = store(config)) {
            return report(new MongoAuditVerifier(store.database(), chain).verify(), out, err);
        }
    }

    /**
     * After a loss at the end of the log was looked into: records what verify found as a new entry and points the
     * sealed head at it, so that nodes start again. Changes nothing when the log is intact.
     */
    private static int reseal(Map<String, String> env, PrintStream out, PrintStream err) {
        HotlineConfig config = HotlineConfig.fromEnv(env);
        AuditChain chain = Hotline.auditChain(ServerKey.load(config.serverKey(), config.dataDir()));
        try (MongoStore store = store(config)) {
            MongoAuditVerifier verifier = new MongoAuditVerifier(store.database(), chain);
            if (!(verifier.verify() instanceof AuditVerification.Tampered found)) {
                out.println("audit: intact, nothing to reseal");
                return 0;
            }
            AuditEntry entry = new MongoAuditLog(store.database(), chain, Clock.systemUTC())
                    .reseal("cli:" + System.getProperty("user.name"), found.problem());
            store.flush();
            out.println("audit: recorded at entry " + entry.seq() + " and re-anchored the head there: " + found.problem());
            return report(verifier.verify(), out, err);
        }
    }

    private static int report(AuditVerification result, PrintStream out, PrintStream err) {
        return switch (result) {
            case AuditVerification.Intact ok -> {
                out.println("audit: intact, " + ok.entries() + " entries, head " + ok.headHash());
                yield 0;
            }
            case AuditVerification.Tampered bad -> {
                err.println("audit: TAMPERED at entry " + bad.firstBadSeq() + ": " + bad.problem());
                yield 1;
            }
        };
    }

    private static int rotate(Map<String, String> env, PrintStream out, PrintStream err) {
        DataKeys keys = DataKeys.open(env, HotlineConfig.fromEnv(env).dataDir());
        String id = keys.rotate();
        out.println("keys: new active key " + id + "; running nodes pick it up within seconds");
        return reencrypt(env, keys, out, err);
    }

    private static int reencrypt(Map<String, String> env, DataKeys keys, PrintStream out, PrintStream err) {
        HotlineConfig config = HotlineConfig.fromEnv(env);
        try (MongoStore store = store(config)) {
            KeyRotation rotation = new KeyRotation(store.database(), new TipCipher(new FieldCipher(keys)));
            KeyRotation.Progress progress = rotation.pass(BATCH);
            store.flush();
            long left = rotation.remaining();
            out.println("keys: " + progress.reencrypted() + " tips re-encrypted under " + keys.current().activeId()
                    + ", " + left + " left");
            if (left > 0) {
                err.println("keys: " + left + " tips changed meanwhile or are unreadable; running nodes retry them,"
                        + " or run './hotline keys reencrypt' again");
                return 1;
            }
            return 0;
        }
    }

    private static int status(Map<String, String> env, PrintStream out) {
        HotlineConfig config = HotlineConfig.fromEnv(env);
        DataKeys keys = DataKeys.open(env, config.dataDir());
        try (MongoStore store = store(config)) {
            long left = new KeyRotation(store.database(), new TipCipher(new FieldCipher(keys))).remaining();
            out.println("keys: " + keys.current().keys().keySet() + ", active " + keys.current().activeId() + ", from "
                    + keys.file().map(Object::toString).orElse(DataKeys.ENV) + "; " + left + " tips under older keys");
            return 0;
        }
    }

    private static MongoStore store(HotlineConfig config) {
        return MongoStore.forTools(config.mongoUri(), config.dataDir().resolve("mongo"), config.mongoDatabase());
    }
}
