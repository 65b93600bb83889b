package org.hotline.core.text.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.hotline.core.text.TextGateway;

/**
 * Sends SMS through Kannel's smsbox {@code sendsms} interface ({@code GET /cgi-bin/sendsms?username=…}).
 * Kannel answers {@code 0: Accepted for delivery} or {@code 3: Queued for later delivery} with a 2xx status;
 * anything else (refused, smsbox down) leaves the reply queued here.
 */
public final class KannelGateway implements TextGateway {

    public static final String NAME = "kannel";

    private final URI sendsms;
    private final String username;
    private final String password;
    private final String from;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public KannelGateway(URI sendsms, String username, String password, String from) {
        this.sendsms = sendsms;
        this.username = username;
        this.password = password;
        this.from = from;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void send(String to, String text) throws IOException {
        URI uri = URI.create(sendsms + "?username=" + enc(username) + "&password=" + enc(password) + "&from="
                + enc(from) + "&to=" + enc(to) + "&charset=UTF-8&text=" + enc(text));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending through Kannel", e);
        }
        String body = response.body() == null ? "" : response.body().strip();
        if (response.statusCode() / 100 != 2 || !(body.startsWith("0:") || body.startsWith("3:"))) {
            // the body names the reason (e.g. "Sender missing and no global set, rejected"); never the password
            throw new IOException("Kannel sendsms answered " + response.statusCode() + " " + body);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
