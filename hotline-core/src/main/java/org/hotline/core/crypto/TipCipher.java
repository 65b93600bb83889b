package org.hotline.core.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.bson.Document;

/**
 * Which parts of a tip document are personal data, and their encryption. Personal: the calling number
 * (kept only with callback consent), the recording reference, follow-up recordings, and the tip fields that
 * name or describe people or places ({@link #PERSONAL_FIELDS}, plus any field whose name speaks of a name,
 * phone, e-mail or address). Each value is bound to its tip id and path. The document's {@code encKeys}
 * lists the key ids in use, so that key rotation can find what still needs re-encrypting.
 */
public final class TipCipher implements PayloadSeal {

    /** Tip fields (under {@code fields}) holding personal data or free text. */
    public static final Set<String> PERSONAL_FIELDS = Set.of("callerName", "callerPhone", "victimName",
            "perpetrator", "narrative", "location", "employer", "recruitment", "controlMethods", "needs");
    /** Top-level personal paths. */
    public static final List<String> PERSONAL_TOP_LEVEL = List.of("callerNumber", "dangerCallerNumber", "recording");
    public static final String FOLLOW_UPS = "followUps";
    public static final String ENC_KEYS = "encKeys";
    /** Field path prefix that binds a referral payload's values to their place (associated data). */
    private static final String PAYLOAD = "referral.payload.";
    private static final List<String> PERSONAL_NAME_PARTS = List.of("name", "phone", "email", "address");

    private final FieldCipher cipher;

    public TipCipher(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** The cipher over the data keys of {@code env} / {@code dataDir} (see {@link DataKeys#open}). */
    public static TipCipher open(java.util.Map<String, String> env, java.nio.file.Path dataDir) {
        return new TipCipher(new FieldCipher(DataKeys.open(env, dataDir)));
    }

    /** True for a field under {@code fields} that must be stored encrypted. */
    public static boolean isPersonalField(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return PERSONAL_FIELDS.contains(name) || PERSONAL_NAME_PARTS.stream().anyMatch(lower::contains);
    }

    /** A copy of {@code tip} with every personal value encrypted (values already encrypted stay as they are). */
    public Document seal(Document tip) {
        String id = tip.getString("_id");
        Document out = transform(tip, (path, value) -> FieldCipher.isEncrypted(value) ? (String) value
                : cipher.encrypt(String.valueOf(value), id, path));
        return out.append(ENC_KEYS, keyIds(out));
    }

    /** A copy of {@code tip} with every personal value encrypted under the active key (for rotation). */
    public Document reseal(Document tip) {
        String id = tip.getString("_id");
        Document out = transform(tip, (path, value) -> {
            String plain = value instanceof String s ? cipher.decrypt(s, id, path) : String.valueOf(value);
            return cipher.encrypt(plain, id, path);
        });
        return out.append(ENC_KEYS, keyIds(out));
    }

    /** A copy of {@code tip} with every personal value decrypted. */
    public Document open(Document tip) {
        String id = tip.getString("_id");
        Document out = transform(tip, (path, value) -> value instanceof String s ? cipher.decrypt(s, id, path)
                : String.valueOf(value));
        out.remove(ENC_KEYS);
        return out;
    }

    @Override
    public Document seal(String tipId, Document payload) {
        return payloadCopy(payload, (name, value) -> value instanceof String s && !FieldCipher.isEncrypted(s)
                ? cipher.encrypt(s, tipId, PAYLOAD + name) : value);
    }

    @Override
    public Document open(String tipId, Document payload) {
        return payloadCopy(payload, (name, value) -> value instanceof String s && FieldCipher.isEncrypted(s)
                ? cipher.decrypt(s, tipId, PAYLOAD + name) : value);
    }

    private static Document payloadCopy(Document payload, BiFunction<String, Object, Object> change) {
        if (payload == null) {
            return null;
        }
        Document copy = new Document();
        payload.forEach((name, value) -> copy.append(name,
                isPersonalField(name) || PERSONAL_TOP_LEVEL.contains(name) ? change.apply(name, value) : value));
        return copy;
    }

    /** An encrypted follow-up recording reference for tip {@code tipId}. */
    public String sealFollowUpRecording(String tipId, String recording) {
        return cipher.encrypt(recording, tipId, FOLLOW_UPS + ".recording");
    }

    /**
     * Staff free text about tip {@code tipId} (a review or emergency note, a decision's reason) encrypted for
     * storage, bound to the tip and to {@code path}; null stays null. Such text is read back only where it is
     * shown ({@link #openText}) and goes with the tip at the retention purge.
     */
    @Override
    public String sealText(String tipId, String path, String text) {
        return text == null ? null : cipher.encrypt(text, tipId, "text." + path);
    }

    /** Free text sealed by {@link #sealText}; null stays null. */
    @Override
    public String openText(String tipId, String path, String sealed) {
        return sealed == null ? null : cipher.decrypt(sealed, tipId, "text." + path);
    }

    public String activeKeyId() {
        return cipher.activeKeyId();
    }

    /** The key ids the personal values of a (sealed) tip use, sorted. */
    public static List<String> keyIds(Document tip) {
        Set<String> ids = new TreeSet<>();
        visit(tip, (path, value) -> {
            if (FieldCipher.isEncrypted(value)) {
                ids.add(FieldCipher.keyIdOf((String) value));
            }
            return value;
        });
        return List.copyOf(ids);
    }

    private static Document transform(Document tip, BiFunction<String, Object, Object> change) {
        Document copy = new Document(tip);
        Document fields = tip.get("fields", Document.class);
        if (fields != null) {
            copy.put("fields", new Document(fields));
        }
        List<?> followUps = tip.getList(FOLLOW_UPS, Object.class);
        if (followUps != null) {
            List<Object> copies = new ArrayList<>();
            followUps.forEach(f -> copies.add(f instanceof Document d ? new Document(d) : f));
            copy.put(FOLLOW_UPS, copies);
        }
        visit(copy, change);
        return copy;
    }

    /** Applies {@code change} (path, value → new value) to every non-null personal value of {@code tip}, in place. */
    private static void visit(Document tip, BiFunction<String, Object, Object> change) {
        for (String path : PERSONAL_TOP_LEVEL) {
            Object v = tip.get(path);
            if (v != null) {
                tip.put(path, change.apply(path, v));
            }
        }
        Document fields = tip.get("fields", Document.class);
        if (fields != null) {
            for (String name : List.copyOf(fields.keySet())) {
                Object v = fields.get(name);
                if (v != null && isPersonalField(name)) {
                    fields.put(name, change.apply("fields." + name, v));
                }
            }
        }
        List<?> followUps = tip.getList(FOLLOW_UPS, Object.class);
        if (followUps != null) {
            for (Object f : followUps) {
                if (f instanceof Document d && d.get("recording") != null) {
                    d.put("recording", change.apply(FOLLOW_UPS + ".recording", d.get("recording")));
                }
            }
        }
    }
}
