package org.hotline.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report as {@code latest.json} and {@code latest.md} into a results folder. */
public final class ReportFiles {

    public static final String JSON = "latest.json";
    public static final String MARKDOWN = "latest.md";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {}

    public static void write(BenchReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        MAPPER.writeValue(dir.resolve(JSON).toFile(), report);
        Files.writeString(dir.resolve(MARKDOWN), MarkdownReport.render(report));
    }

    /** Reads a report written by {@link #write}. */
    public static BenchReport read(Path dir) throws IOException {
        return MAPPER.readValue(dir.resolve(JSON).toFile(), BenchReport.class);
    }
}
