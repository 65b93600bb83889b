package org.hotline.core.pathway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A pathway file as read at start-up ({@code HOTLINE_PATHWAY_FILE}): where it came from and its text. */
public record PathwayFile(Path path, String text) {

    public static PathwayFile read(Path path) {
        try {
            return new PathwayFile(path, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("Configuration HOTLINE_PATHWAY_FILE: cannot read " + path + ": " + e.getMessage());
        }
    }
}
