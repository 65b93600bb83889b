package org.hotline.core.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's secret, from {@code HOTLINE_SERVER_KEY} (base64, at least 32 bytes) or, when that is unset,
 * from {@code <data dir>/keys/server.key}, created with owner-only permissions on first start. It never
 * goes into the database. Purpose-specific keys are derived from it so that one use cannot be turned
 * against another (the reference permutation key is not the caller-number hash key).
 */
public final class ServerKey {

    private final byte[] key;

    private ServerKey(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("HOTLINE_SERVER_KEY must decode to at least 32 bytes");
        }
        this.key = key.clone();
    }

    public static ServerKey load(Optional<String> base64, Path dataDir) {
        if (base64.isPresent()) {
            try {
                return new ServerKey(Base64.getDecoder().decode(base64.get()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Configuration HOTLINE_SERVER_KEY is invalid: expected base64 of 32+ bytes");
            }
        }
        Path file = dataDir.resolve("keys").resolve("server.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path tmp = file.resolveSibling("server.key.tmp");
                Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // Not a POSIX file system; the data directory's own permissions must protect the key.
                }
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return new ServerKey(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the server key " + file, e);
        }
    }

    /** A key for one purpose, e.g. {@code "reference"} or {@code "caller-hash"}. */
    public byte[] derive(String purpose) {
        return hmac(key, purpose.getBytes(StandardCharsets.UTF_8));
    }

    /** Hex HMAC-SHA256 of {@code value} under the key derived for {@code purpose}. */
    public String keyedHash(String purpose, String value) {
        return HexFormat.of().formatHex(hmac(derive(purpose), value.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
