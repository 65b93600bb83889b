package org.hotline.core.retention;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the audio files of a recording reference when they are reachable from this node (Asterisk on the
 * same machine or a shared recordings directory). A reference is a path without extension; Asterisk adds the
 * format ({@code .wav}, {@code .gsm}, ...), so every {@code <name>.*} beside it goes.
 */
final class RecordingFiles {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingFiles.class);

    private RecordingFiles() {}

    /** Returns how many files were deleted. */
    static int delete(String reference) {
        Path ref;
        try {
            ref = Path.of(reference);
        } catch (RuntimeException e) {
            return 0;
        }
        Path dir = ref.getParent();
        if (dir == null || !Files.isDirectory(dir) || ref.getFileName() == null) {
            return 0;
        }
        int deleted = 0;
        String prefix = ref.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, f -> f.getFileName().toString().startsWith(prefix))) {
            for (Path f : files) {
                Files.deleteIfExists(f);
                deleted++;
            }
            if (Files.deleteIfExists(ref)) {
                deleted++;
            }
        } catch (IOException e) {
            LOG.warn("Could not delete recording files in {}: {}", dir, e.getMessage());
        }
        return deleted;
    }
}
