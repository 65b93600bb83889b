package org.hotline.core.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

/**
 * Where the data keys come from: {@code HOTLINE_DATA_KEYS} when set, else the key file
 * {@code <data dir>/keys/data-keys}, created with one fresh key and owner-only permissions on first start.
 * Never the database. A running node re-reads the key file when it changes, so {@link #rotate()} run by
 * another process (the {@code keys rotate} command) takes effect without a restart.
 */
public final class DataKeys {

    public static final String ENV = "HOTLINE_DATA_KEYS";
    private static final long RECHECK_MILLIS = 1_000;

    private final Path file;
    private volatile KeyRing ring;
    private volatile FileTime loadedStamp;
    private volatile long checkedAt;

    private DataKeys(Path file, KeyRing ring, FileTime stamp) {
        this.file = file;
        this.ring = ring;
        this.loadedStamp = stamp;
    }

    /** Keys from {@code HOTLINE_DATA_KEYS} in {@code env}, else from (or into) the key file under {@code dataDir}. */
    public static DataKeys open(Map<String, String> env, Path dataDir) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataKeys(null, KeyRing.parse(fromEnv, ENV), null);
        }
        Path file = keyFile(dataDir);
        try {
            if (!Files.exists(file)) {
                writeAtomically(file, new KeyRing(Map.of("k1", freshKey()), "k1"));
            }
            return new DataKeys(file, read(file), Files.getLastModifiedTime(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the data key file " + file, e);
        }
    }

    /** One fixed key that is never rotated or re-read, e.g. a key derived from the server key for one purpose. */
    public static DataKeys fixed(String id, byte[] key) {
        return new DataKeys(null, new KeyRing(Map.of(id, key.clone()), id), null);
    }

    public static Path keyFile(Path dataDir) {
        return dataDir.resolve("keys").resolve("data-keys");
    }

    /** The current ring (re-read from the key file at most once a second when it changed). */
    public KeyRing current() {
        if (file != null && System.currentTimeMillis() - checkedAt > RECHECK_MILLIS) {
            reload();
        }
        return ring;
    }

    /** The ring re-read now; used when a value names a key this node has not seen yet. */
    public KeyRing refreshed() {
        if (file != null) {
            reload();
        }
        return ring;
    }

    /** True when the keys come from the key file (and can be rotated by {@link #rotate()}). */
    public boolean fileBacked() {
        return file != null;
    }

    /**
     * Adds a fresh key to the key file and makes it active; returns its id.
     *
     * @throws IllegalStateException when the keys come from {@code HOTLINE_DATA_KEYS}
     */
    public synchronized String rotate() {
        if (file == null) {
            throw new IllegalStateException(ENV + " is set: add a new id:key entry at its end, restart the nodes "
                    + "one by one, then run './hotline keys reencrypt'");
        }
        KeyRing now = refreshed();
        int n = now.keys().size() + 1;
        while (now.keys().containsKey("k" + n)) {
            n++;
        }
        String id = "k" + n;
        KeyRing next = now.with(id, freshKey());
        try {
            writeAtomically(file, next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the data key file " + file, e);
        }
        reload();
        return id;
    }

    private synchronized void reload() {
        checkedAt = System.currentTimeMillis();
        try {
            FileTime stamp = Files.getLastModifiedTime(file);
            if (!stamp.equals(loadedStamp) || ring == null) {
                ring = read(file);
                loadedStamp = stamp;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data key file " + file, e);
        }
    }

    private static KeyRing read(Path file) throws IOException {
        return KeyRing.parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    private static void writeAtomically(Path file, KeyRing ring) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        ownerOnly(tmp);
        Files.writeString(tmp, ring.format(), StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system; the data directory's own permissions must protect the keys.
        }
    }

    static byte[] freshKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** For messages: where the keys come from, never the keys. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
