package org.hotline.core.pathway.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.hotline.core.e2e.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editor's static route over a real socket: redirect, page, scripts, the shipped sample tips, and misses. */
class PathwayEditorAssetsIT {

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        Router router = Router.router(vertx);
        new PathwayEditorAssets().mount(router, null);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldRedirectTheBareNameToTheFolder() throws Exception {
        // when
        HttpResponse<String> response = get("/pathway");
        // then
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/pathway/");
    }

    @Test
    void shouldServeThePageAndItsScriptsWithoutInlineCode() throws Exception {
        // when
        HttpResponse<String> page = get("/pathway/");
        HttpResponse<String> script = get("/pathway/main.js");
        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<textarea id=\"yaml\"", "src=\"main.js\"", "src=\"/console/common.js\"")
                .doesNotContain("<style", "onclick=", "style=\"");
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    }

    @Test
    void shouldServeTheShippedSampleTipsForTheSimulationBox() throws Exception {
        // when
        HttpResponse<String> tips = get("/pathway/sample-tips.yaml");
        // then
        assertThat(tips.statusCode()).isEqualTo(200);
        assertThat(tips.body()).isEqualTo(Files.readString(TestFiles.REPO.resolve("pathway-config/examples/sample-tips.yaml")));
    }

    @Test
    void shouldAnswerNotFoundForAFileThatIsNotThere() throws Exception {
        // when
        HttpResponse<String> missing = get("/pathway/nothing-here.js");
        HttpResponse<String> outside = get("/pathway/../console/index.html");
        // then
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(outside.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
