package org.hotline.core.intake.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A counter that never hands out the same value twice, even across a kill -9: values are reserved in blocks
 * and the end of the block is fsynced before any value of it is used. A crash skips the rest of the block,
 * which costs nothing but unused numbers.
 */
public final class CounterFile {

    private static final long BLOCK = 1_000;

    private final Path file;
    private long next;
    private long reservedUntil;

    private CounterFile(Path file) {
        this.file = file;
    }

    public static CounterFile open(Path file) {
        CounterFile counter = new CounterFile(file);
        try {
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8).trim();
                counter.next = text.isEmpty() ? 0 : Long.parseLong(text);
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read the reference counter " + file
                    + "; restore it from backup or delete it only after checking no references will repeat", e);
        }
        counter.reservedUntil = counter.next;
        return counter;
    }

    /** The next value; blocks briefly on an fsync once per {@value #BLOCK} values. */
    public synchronized long next() {
        if (next >= reservedUntil) {
            reserve(next + BLOCK);
        }
        return next++;
    }

    private void reserve(long until) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(Long.toString(until).getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            reservedUntil = until;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reserve reference numbers in " + file, e);
        }
    }
}
