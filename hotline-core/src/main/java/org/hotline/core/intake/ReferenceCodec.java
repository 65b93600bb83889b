package org.hotline.core.intake;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a node's tip counter into a reference a caller can say and key in: 8 digits that are a keyed
 * permutation (a 4-round Feistel network over 0..99,999,999) of {@code counter * 16 + nodeIndex}, plus a
 * Damm check digit that catches every single-digit slip and every swap of two adjacent digits.
 *
 * <p>A permutation of distinct inputs gives distinct outputs, so references are unique by construction
 * (no database round trip needed, which matters while MongoDB is down), and without the key consecutive
 * tips give unrelated numbers, so nobody can guess a neighbour's reference.
 */
public final class ReferenceCodec {

    /** Nodes that may share one key; each needs its own index. */
    public static final int MAX_NODES = 16;
    private static final int HALF = 10_000;
    private static final long DOMAIN = (long) HALF * HALF;
    private static final int ROUNDS = 4;
    private static final int[][] DAMM = {
        {0, 3, 1, 7, 5, 9, 8, 6, 4, 2}, {7, 0, 9, 2, 1, 5, 4, 8, 6, 3}, {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
        {1, 7, 5, 0, 9, 8, 3, 4, 2, 6}, {6, 1, 2, 3, 0, 4, 5, 9, 7, 8}, {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
        {5, 8, 6, 9, 7, 2, 0, 1, 3, 4}, {8, 9, 4, 5, 3, 6, 2, 0, 1, 7}, {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
        {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}
    };

    private final byte[] key;
    private final int nodeIndex;

    public ReferenceCodec(byte[] key, int nodeIndex) {
        if (nodeIndex < 0 || nodeIndex >= MAX_NODES) {
            throw new IllegalArgumentException("node index must be 0.." + (MAX_NODES - 1) + ", was " + nodeIndex);
        }
        this.key = key.clone();
        this.nodeIndex = nodeIndex;
    }

    /** Largest counter value this codec can encode for its node. */
    public static long maxCounter() {
        return DOMAIN / MAX_NODES - 1;
    }

    /** The 9-digit reference for the node's {@code counter}-th tip. */
    public String encode(long counter) {
        if (counter < 0 || counter > maxCounter()) {
            throw new IllegalArgumentException("reference counter exhausted: " + counter);
        }
        long value = counter * MAX_NODES + nodeIndex;
        int left = (int) (value / HALF);
        int right = (int) (value % HALF);
        Mac mac = mac();
        for (int round = 0; round < ROUNDS; round++) {
            int next = Math.floorMod(left + roundFunction(mac, round, right), HALF);
            left = right;
            right = next;
        }
        String digits = "%04d%04d".formatted(left, right);
        return digits + checkDigit(digits);
    }

    /** True when {@code reference} is 9 digits whose Damm check digit holds. */
    public static boolean isWellFormed(String reference) {
        if (reference == null || !reference.matches("\\d{9}")) {
            return false;
        }
        return checkDigit(reference) == 0;
    }

    static int checkDigit(String digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = DAMM[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }

    private int roundFunction(Mac mac, int round, int half) {
        mac.update(ByteBuffer.allocate(8).putInt(round).putInt(half).array());
        byte[] out = mac.doFinal();
        return (int) (Integer.toUnsignedLong(ByteBuffer.wrap(out).getInt()) % HALF);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
