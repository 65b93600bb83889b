package org.hotline.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo agency receiver's receipts show whole payloads, so it must listen on loopback and nowhere else. */
class DemoAgencyReceiverIT {

    /** 127.0.0.1 as /proc/net/tcp writes it, and as /proc/net/tcp6 writes ::ffff:127.0.0.1. */
    private static final String LOOPBACK_V4 = "0100007F";
    private static final String LOOPBACK_MAPPED = "0000000000000000FFFF00000100007F";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = new DemoAgencyReceiver().start(vertx, 0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldListenOnLoopbackOnly() throws Exception {
        // given
        String port = String.format(Locale.ROOT, "%04X", server.actualPort());

        // when: the kernel's tables of listening TCP sockets (state 0A) for the receiver's port
        List<String> addresses = new java.util.ArrayList<>(listening(Path.of("/proc/net/tcp"), port));
        addresses.addAll(listening(Path.of("/proc/net/tcp6"), port));

        // then: bound to 127.0.0.1 (as IPv4, or IPv4-mapped on a dual-stack socket) and to nothing else
        assertThat(addresses).isNotEmpty()
                .allSatisfy(a -> assertThat(a).isIn(LOOPBACK_V4 + ":" + port, LOOPBACK_MAPPED + ":" + port));
    }

    @Test
    void shouldShowWhatItReceivedToALocalReader() throws Exception {
        // given
        String base = "http://" + DemoAgencyReceiver.HOST + ":" + server.actualPort() + "/agencies/police";
        HTTP.send(HttpRequest.newBuilder(URI.create(base)).header("Idempotency-Key", "k-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reference\":\"123456789\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        // when
        HttpResponse<String> received = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/received")).build(),
                HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(received.body()).contains("123456789");
    }

    /** Local addresses ({@code HEXADDR:PORT}) of listening sockets on {@code port} in a /proc/net table. */
    private static List<String> listening(Path table, String port) throws IOException {
        if (!Files.exists(table)) {
            return List.of();
        }
        return Files.readAllLines(table).stream().skip(1).map(String::trim).map(l -> l.split("\\s+"))
                .filter(f -> f.length > 3 && "0A".equals(f[3]) && f[1].endsWith(":" + port))
                .map(f -> f[1]).toList();
    }
}
