package org.hotline.core.intake.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32C;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The tip journal's record format: {@code int length | int crc32c | byte kind | utf-8 payload}, where a TIP
 * record's payload is the tip as extended JSON (types survive the round trip) and a CONFIRM record's is a tip id.
 */
final class JournalRecords {

    private static final byte KIND_TIP = 1;
    private static final byte KIND_CONFIRM = 2;
    private static final int HEADER = 8;
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private JournalRecords() {}

    static byte[] tip(Document tip) {
        return record(KIND_TIP, tip.toJson(JSON).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] confirm(String tipId) {
        return record(KIND_CONFIRM, tipId.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Applies the records of one segment to {@code unconfirmed} (a TIP adds, a CONFIRM removes) and returns how
     * many leading bytes held whole, checksummed records; anything after that is a torn tail.
     */
    static int replay(byte[] data, Map<String, Document> unconfirmed) {
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
            String payload = new String(body, 1, length - 1, StandardCharsets.UTF_8);
            if (body[0] == KIND_TIP) {
                Document tip = Document.parse(payload);
                unconfirmed.put(tip.getString("_id"), tip);
            } else if (body[0] == KIND_CONFIRM) {
                unconfirmed.remove(payload);
            }
            good = buffer.position();
        }
        return good;
    }

    private static byte[] record(byte kind, byte[] payload) {
        byte[] body = new byte[payload.length + 1];
        body[0] = kind;
        System.arraycopy(payload, 0, body, 1, payload.length);
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
