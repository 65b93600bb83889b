package org.hotline.core.tip;

import java.util.Arrays;
import java.util.Objects;
import org.bson.RawBsonDocument;

/**
 * A newly accepted tip as it is made durable and stored: its personal values already encrypted, its form opaque
 * to everyone but the tip repository. Intake journals it ({@link #bson()}), hands it to the writer and recovers
 * it after a crash ({@link #fromBson}) without ever reading or building a tip document itself.
 */
public final class SealedTip {

    private final byte[] bson;
    private final String id;
    private final String reference;

    private SealedTip(byte[] bson) {
        RawBsonDocument raw = new RawBsonDocument(bson);
        if (!raw.isString("_id") || !raw.isString("reference")) {
            throw new IllegalArgumentException("not a sealed tip: it has no string _id and reference");
        }
        this.bson = bson;
        this.id = raw.getString("_id").getValue();
        this.reference = raw.getString("reference").getValue();
    }

    /** The sealed tip encoded as {@link #bson()} gave it (a journal record, read back). */
    public static SealedTip fromBson(byte[] bson) {
        return new SealedTip(Arrays.copyOf(Objects.requireNonNull(bson, "bson"), bson.length));
    }

    /** The sealed tip the repository encoded. */
    public static SealedTip of(RawBsonDocument raw) {
        java.nio.ByteBuffer buffer = raw.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new SealedTip(bytes);
    }

    /** Its BSON bytes, a copy. */
    public byte[] bson() {
        return bson.clone();
    }

    /** Its BSON as the repository reads it (no copy: {@link RawBsonDocument} is immutable). */
    public RawBsonDocument raw() {
        return new RawBsonDocument(bson);
    }

    public String id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedTip other && Arrays.equals(bson, other.bson);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bson);
    }

    @Override
    public String toString() {
        return "SealedTip[" + id + ", " + reference + "]";
    }
}
