package org.hotline.core.text;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Posts a message to the node as Kannel's sms-service post-url does (text as the body, the rest in the query). */
final class KannelPost {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KannelPost() {}

    static HttpResponse<String> post(int port, String key, String from, String id, String text) {
        return post(port, "key=" + enc(key) + "&from=" + enc(from) + "&to=1234&id=" + enc(id) + "&coding=0", text);
    }

    static HttpResponse<String> post(int port, String query, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sms/kannel?" + query))
                    .header("Content-Type", "text/plain; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
