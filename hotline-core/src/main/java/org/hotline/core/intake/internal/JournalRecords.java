package org.hotline.core.intake.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32C;
import org.bson.RawBsonDocument;

/**
 * The tip journal's record format: {@code int length | int crc32c | byte kind | payload}. A TIP record's payload
 * is the tip as BSON (types survive the round trip; encoding BSON costs the caller's thread a fraction of what
 * extended JSON did), a CONFIRM record's is a tip id in UTF-8. Journals written before BSON hold TIP records as
 * extended JSON ({@code kind 1}); replay still reads them.
 */
final class JournalRecords {

    private static final byte KIND_TIP_JSON = 1;
    private static final byte KIND_CONFIRM = 2;
    private static final byte KIND_TIP = 3;
    private static final int HEADER = 8;

    private JournalRecords() {}

    static byte[] tip(byte[] bson) {
        byte[] body = new byte[bson.length + 1];
        body[0] = KIND_TIP;
        System.arraycopy(bson, 0, body, 1, bson.length);
        return record(body);
    }

    /** A TIP record as older journals wrote it (extended JSON); kept so their replay stays tested. */
    static byte[] legacyJsonTip(String extendedJson) {
        return textRecord(KIND_TIP_JSON, extendedJson);
    }

    static byte[] confirm(String tipId) {
        return textRecord(KIND_CONFIRM, tipId);
    }

    private static byte[] textRecord(byte kind, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[utf8.length + 1];
        body[0] = kind;
        System.arraycopy(utf8, 0, body, 1, utf8.length);
        return record(body);
    }

    /**
     * Applies the records of one segment to {@code unconfirmed} (a TIP adds, a CONFIRM removes) and returns how
     * many leading bytes held whole, checksummed records; anything after that is a torn tail.
     */
    static int replay(byte[] data, Map<String, byte[]> unconfirmed) {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int good = 0;
        while (buffer.remaining() > HEADER) {
            int length = buffer.getInt();
            int crc = buffer.getInt();
            if (length < 1 || length > buffer.remaining()) {
                break;
            }
            byte[] body = new byte[length];
            buffer.get(body);
            if (crc(body) != crc) {
                break;
            }
            if (body[0] == KIND_TIP) {
                byte[] tip = java.util.Arrays.copyOfRange(body, 1, body.length);
                unconfirmed.put(id(tip), tip);
            } else if (body[0] == KIND_TIP_JSON) {
                byte[] tip = bytes(RawBsonDocument.parse(new String(body, 1, length - 1, StandardCharsets.UTF_8)));
                unconfirmed.put(id(tip), tip);
            } else if (body[0] == KIND_CONFIRM) {
                unconfirmed.remove(new String(body, 1, length - 1, StandardCharsets.UTF_8));
            }
            good = buffer.position();
        }
        return good;
    }

    /** The {@code _id} of a journaled document. */
    static String id(byte[] bson) {
        return new RawBsonDocument(bson).getString("_id").getValue();
    }

    private static byte[] bytes(RawBsonDocument raw) {
        java.nio.ByteBuffer buffer = raw.getByteBuffer().asNIO();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    /** Frames {@code body} (kind byte first) with its length and checksum. */
    private static byte[] record(byte[] body) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + body.length);
        buffer.putInt(body.length).putInt(crc(body)).put(body);
        return buffer.array();
    }

    private static int crc(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return (int) crc.getValue();
    }
}
