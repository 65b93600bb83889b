package org.hotline.bench.text;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.hotline.bench.intake.IntakeBench;
import org.hotline.bench.report.BenchReport.Throughput;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;

/**
 * Text conversations: messages per second a node takes in through {@code /api/sms/kannel} (stored, walked through
 * the flow, replies queued and sent to a sendsms receiver) beside a raw Vert.x HTTP echo answering the same POST,
 * in the same run. Each sender opens a conversation, chooses a language and the menu, then asks for the question
 * again: every message is a full turn (read, flow step, store, outbox), none files a tip.
 */
public final class TextBench {

    public static final String RAW = "raw-http-echo";
    public static final String HOTLINE = "hotline-text";
    private static final String KEY = "bench-inbound-key-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TextBench() {}

    /** @param messages messages per path (after a warm-up of a fifth as many), {@code concurrency} senders */
    public static List<Throughput> run(Path repo, Path dir, int messages, int concurrency) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer echo = listen(vertx.createHttpServer().requestHandler(r -> r.body().onSuccess(b ->
                    r.response().setStatusCode(202).end("{\"handled\":\"ECHO\"}"))));
            HttpServer sendsms = listen(vertx.createHttpServer().requestHandler(r ->
                    r.response().setStatusCode(202).end("0: Accepted for delivery")));
            Map<String, String> env = new HashMap<>();
            env.put("HOTLINE_DATA_DIR", dir.resolve("data").toString());
            env.put("HOTLINE_HTTP_PORT", "0");
            env.put("HOTLINE_AGI_PORT", "0");
            env.put("HOTLINE_PATHWAY_FILE", repo.resolve("pathway-config/examples/national.yaml").toString());
            env.put("HOTLINE_FLOWS_DIR", repo.resolve("ivr-flows/flows").toString());
            env.put("HOTLINE_KANNEL_INBOUND_KEY", KEY);
            env.put("HOTLINE_KANNEL_PASSWORD", "bench");
            env.put("HOTLINE_KANNEL_FROM", "1234");
            env.put("HOTLINE_KANNEL_SENDSMS_URL", "http://127.0.0.1:" + sendsms.actualPort() + "/cgi-bin/sendsms");
            env.put("HOTLINE_TEXT_RATE_PER_MINUTE", "600");
            // the shipped pathway names the demo receivers on loopback; no message here files a tip
            env.put("HOTLINE_ALLOW_LOCAL_WEBHOOKS", "true");
            env.put("HOTLINE_TEXT_OUTBOX_POLL", "200ms");
            try (Hotline hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC())) {
                IntConsumer raw = n -> post(echo.actualPort(), n);
                IntConsumer node = n -> post(hotline.httpPort(), n);
                int warmUp = Math.max(concurrency, messages / 5);
                IntakeBench.measure("warm-up", warmUp, concurrency, raw, () -> true);
                IntakeBench.measure("warm-up", warmUp, concurrency, n -> post(hotline.httpPort(), -1 - n), () -> true);
                List<Throughput> out = new ArrayList<>();
                out.add(IntakeBench.measure(RAW, messages, concurrency, raw, () -> true));
                out.add(IntakeBench.measure(HOTLINE, messages, concurrency, node, () -> true));
                return out;
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Message {@code n}: 25 senders share the load, each conversation goes hello, 1 (English), then repeat ("*")
     * at the main menu; negative {@code n} (the warm-up) use their own senders.
     */
    private static void post(int port, int n) {
        int index = Math.abs(n);
        String sender = (n < 0 ? "+23188" : "+23177") + "%07d".formatted(index % 997);
        int turn = index / 997;
        String text = turn == 0 ? "hello" : turn == 1 ? "1" : "*";
        String query = "key=" + KEY + "&from=" + sender.replace("+", "%2B") + "&to=1234&id=" + (n < 0 ? "w" : "m")
                + index + "&coding=0";
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/sms/kannel?" + query)).header("Content-Type", "text/plain; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("message " + n + " answered " + response.statusCode() + " "
                        + response.body());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer listen(HttpServer server) throws Exception {
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
