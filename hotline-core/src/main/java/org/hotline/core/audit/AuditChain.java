package org.hotline.core.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hashing rules of the audit chain. An entry's hash is SHA-256 over a canonical encoding of its
 * fields (format tag, sequence, time in epoch milliseconds, actor, action, target, details sorted by key,
 * previous hash), each length-prefixed so that no two different entries encode alike. The chain's head (the
 * highest sequence number written and the hash there) is sealed too, so that cutting entries off the end and
 * moving the head back is noticed.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    private static final String FORMAT = "audit-v1";
    private static final String HEAD_FORMAT = "audit-head-v1";

    private final byte[] sealKey;

    /** {@code sealKey}: the secret that seals each hash (derived from the server key, never stored in MongoDB). */
    public AuditChain(byte[] sealKey) {
        if (sealKey == null || sealKey.length < 32) {
            throw new IllegalArgumentException("the audit seal key must be at least 32 bytes");
        }
        this.sealKey = sealKey.clone();
    }

    /** Builds the entry that follows {@code prevHash} at {@code seq}. */
    public AuditEntry link(long seq, Instant at, AuditEvent event, String prevHash) {
        Instant millis = Instant.ofEpochMilli(at.toEpochMilli());
        String hash = hash(seq, millis, event.actor(), event.action(), event.target(), event.details(), prevHash);
        return new AuditEntry(seq, millis, event.actor(), event.action(), event.target(), event.details(), prevHash,
                hash, seal(hash));
    }

    /** True when the entry's hash matches its fields and its seal matches its hash. */
    public boolean isIntact(AuditEntry entry) {
        String expected = hash(entry.seq(), entry.at(), entry.actor(), entry.action(), entry.target(),
                entry.details(), entry.prevHash());
        return MessageDigest.isEqual(bytes(expected), bytes(entry.hash()))
                && entry.seal() != null && MessageDigest.isEqual(bytes(seal(entry.hash())), bytes(entry.seal()));
    }

    /**
     * The seal of the chain's head: an HMAC, under the seal key, over the head's sequence number and the hash
     * of the entry there (tagged apart from entry seals, so that one can never pass for the other).
     */
    public String sealHead(long seq, String hash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        put(out, HEAD_FORMAT);
        put(out, Long.toString(seq));
        put(out, hash);
        return mac(out.toByteArray());
    }

    /** True when {@code seal} is the head seal of {@code seq} and {@code hash}. */
    public boolean isSealedHead(long seq, String hash, String seal) {
        return hash != null && seal != null && MessageDigest.isEqual(bytes(sealHead(seq, hash)), bytes(seal));
    }

    static String hash(long seq, Instant at, String actor, String action, String target, Map<String, String> details,
            String prevHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        put(out, FORMAT);
        put(out, Long.toString(seq));
        put(out, Long.toString(at.toEpochMilli()));
        put(out, actor);
        put(out, action);
        put(out, target);
        Map<String, String> sorted = new TreeMap<>(details);
        put(out, Integer.toString(sorted.size()));
        sorted.forEach((k, v) -> {
            put(out, k);
            put(out, v);
        });
        put(out, prevHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private String seal(String hash) {
        return mac(bytes(hash));
    }

    private String mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sealKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static void put(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] b = bytes(value);
        out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
        out.writeBytes(b);
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }
}
