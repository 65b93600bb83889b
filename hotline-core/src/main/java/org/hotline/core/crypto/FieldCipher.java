package org.hotline.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for single stored values. A value is stored as {@code enc1:<key id>:<base64(nonce|ciphertext|tag)>}
 * with a fresh random 96-bit nonce, and with the owner and field name ({@code tip id + "/" + field}) as
 * associated data: a ciphertext copied into another tip or another field does not decrypt.
 */
public final class FieldCipher {

    static final String PREFIX = "enc1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final DataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(DataKeys keys) {
        this.keys = keys;
    }

    /** Encrypts {@code plain} for field {@code field} of the record {@code owner} under the active key. */
    public String encrypt(String plain, String owner, String field) {
        KeyRing ring = keys.current();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(ring.active(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(owner, field));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + ring.activeId() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * Decrypts a stored value; a value that is not in the encrypted form (written before encryption was
     * introduced) is returned as it is.
     *
     * @throws CipherException when the key is unknown or the value was altered or moved to another field
     */
    public String decrypt(String stored, String owner, String field) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        String keyId = keyIdOf(stored);
        byte[] key = keys.current().key(keyId).or(() -> keys.refreshed().key(keyId))
                .orElseThrow(() -> new CipherException("value of " + field + " is encrypted with unknown key " + keyId));
        byte[] data;
        try {
            data = Base64.getDecoder().decode(stored.substring(PREFIX.length() + keyId.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new CipherException("value of " + field + " is damaged");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CipherException("value of " + field + " is damaged");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            c.updateAAD(aad(owner, field));
            return new String(c.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new CipherException("value of " + field + " fails authentication (altered or moved)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The id of the active key. */
    public String activeKeyId() {
        return keys.current().activeId();
    }

    public static boolean isEncrypted(Object value) {
        return value instanceof String s && s.startsWith(PREFIX) && s.indexOf(':', PREFIX.length()) > PREFIX.length();
    }

    /** The key id of an encrypted value. */
    public static String keyIdOf(String stored) {
        return stored.substring(PREFIX.length(), stored.indexOf(':', PREFIX.length()));
    }

    private static byte[] aad(String owner, String field) {
        return (owner + "/" + field).getBytes(StandardCharsets.UTF_8);
    }

    /** A stored value cannot be decrypted. Messages name the field, never the value. */
    public static final class CipherException extends RuntimeException {
        public CipherException(String message) {
            super(message);
        }
    }
}
