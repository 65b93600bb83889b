package org.hotline.core.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.ivr.flow.FlowLoadResult;
import org.hotline.ivr.flow.FlowRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the flows folder and reloads the IVR flows when a file changes, so that wording, languages and
 * menus change without a restart. A change that fails validation is logged with every problem and audited;
 * the running flows keep serving, and calls in progress always finish on the version they started with.
 */
final class FlowReloader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlowReloader.class);

    private final Path folder;
    private final FlowRegistry registry;
    private final AuditLog audit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("flow-reloader").daemon(true).factory());
    private String seen;

    FlowReloader(Path folder, FlowRegistry registry, AuditLog audit) {
        this.folder = folder;
        this.registry = registry;
        this.audit = audit;
        this.seen = fingerprint();
    }

    FlowReloader start(Duration every) {
        timer.scheduleWithFixedDelay(this::checkOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Reloads when the folder's files changed since the last look. */
    void checkOnce() {
        try {
            String now = fingerprint();
            if (now.equals(seen)) {
                return;
            }
            seen = now;
            FlowLoadResult result = registry.reload();
            switch (result) {
                case FlowLoadResult.Loaded loaded -> audit.record(new AuditEvent("system", "ivr.flows_reload",
                        folder.toString(), Map.of("result", "loaded", "flows", String.join(",",
                                loaded.flows().flows().keySet().stream().sorted().toList()))));
                case FlowLoadResult.Rejected rejected -> audit.record(new AuditEvent("system", "ivr.flows_reload",
                        folder.toString(), Map.of("result", "rejected",
                                "problems", String.valueOf(rejected.problems().size()))));
            }
        } catch (RuntimeException e) {
            LOG.warn("Checking the flows folder {} failed; will look again", folder, e);
        }
    }

    /** Names, sizes and modification times of every file below the folder. */
    private String fingerprint() {
        try (Stream<Path> files = Files.walk(folder)) {
            StringBuilder print = new StringBuilder();
            files.filter(Files::isRegularFile).sorted().forEach(file -> {
                try {
                    print.append(folder.relativize(file)).append(':').append(Files.size(file)).append(':')
                            .append(Files.getLastModifiedTime(file).toMillis()).append(';');
                } catch (IOException e) {
                    print.append(file).append(":gone;");
                }
            });
            return print.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the flows folder " + folder, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
