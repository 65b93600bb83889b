package org.hotline.core.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.hotline.core.auth.Role;
import org.hotline.core.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Every endpoint of a running node for every role, from the {@code x-roles} of each operation in
 * {@code openapi.yaml}: allowed roles get through (neither 401 nor 403, no server error), other roles get 403,
 * no session gets 401 (public operations excepted). The node's routes and the document must match both
 * ways, so a new endpoint cannot be added without stating its roles.
 */
class ApiRoleMatrixIT {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    /** Path parameter values: well-formed but unknown, so allowed calls end in a clean 404 or 400. */
    private static final Map<String, String> PARAMETERS = Map.of("reference", "000000000", "id", "tip-x:nattf",
            "page", "index.html", "username", "nobody.here", "network", "telegram", "other", "000000001");

    @TempDir
    Path dir;

    private ConsoleNode node;
    private final Map<Role, Staff.Session> sessions = new EnumMap<>(Role.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        node = new ConsoleNode(dir);
        sessions.put(Role.OPERATOR, node.operator);
        sessions.put(Role.SUPERVISOR, node.supervisor);
        Staff.create(node.node.mongo(), "mia.ministry", Set.of(Role.MINISTRY_ADMIN), Optional.empty());
        Staff.create(node.node.mongo(), "aki.agency", Set.of(Role.AGENCY_USER), Optional.of("nattf"));
        Staff.create(node.node.mongo(), "ade.auditor", Set.of(Role.AUDITOR), Optional.empty());
        sessions.put(Role.MINISTRY_ADMIN, Staff.signIn(node.node.httpPort(), "mia.ministry"));
        sessions.put(Role.AGENCY_USER, Staff.signIn(node.node.httpPort(), "aki.agency"));
        sessions.put(Role.AUDITOR, Staff.signIn(node.node.httpPort(), "ade.auditor"));
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    @Test
    void shouldDocumentEveryRouteOfTheNodeAndNothingElse() throws Exception {
        // given
        Set<String> documented = new LinkedHashSet<>();
        operations().forEach(op -> documented.add(op.method().toUpperCase() + " " + canonical(op.path())));
        Set<String> mounted = new LinkedHashSet<>();
        node.node.routes().forEach(route -> mounted.add(canonicalRoute(route)));
        // then
        assertThat(mounted).as("routes of the node missing from openapi.yaml").isSubsetOf(documented);
        assertThat(documented).as("operations in openapi.yaml the node does not have").isSubsetOf(mounted);
        operations().forEach(op -> assertThat(op.roles()).as("x-roles of %s %s", op.method(), op.path()).isNotEmpty());
    }

    @Test
    void shouldLetEachRoleDoExactlyWhatTheDocumentAllows() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Operation op : operations()) {
            boolean isPublic = op.roles().contains("public");
            boolean anySignedIn = op.roles().contains("signed-in");
            int anonymous = call(op, null);
            if (isPublic) {
                softly.assertThat(anonymous).as("%s without a session", op).isNotIn(401, 403).isLessThan(500);
                continue;
            }
            softly.assertThat(anonymous).as("%s without a session", op).isEqualTo(401);
            for (Role role : Role.values()) {
                Staff.Session session = op.path().equals("/api/auth/logout")
                        ? Staff.signIn(node.node.httpPort(), sessions.get(role).username()) : sessions.get(role);
                int status = call(op, session);
                if (anySignedIn || op.roles().contains(role.name())) {
                    softly.assertThat(status).as("%s as %s (allowed)", op, role).isNotIn(401, 403).isLessThan(500);
                } else {
                    softly.assertThat(status).as("%s as %s (not allowed)", op, role).isEqualTo(403);
                }
            }
        }
        softly.assertAll();
    }

    private int call(Operation op, Staff.Session session) throws Exception {
        String path = op.path();
        for (Map.Entry<String, String> p : PARAMETERS.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        if (op.path().startsWith("/stats/")) {
            path = "/stats/index.html";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.node.httpPort() + path))
                .timeout(Duration.ofSeconds(20))
                .method(op.method().toUpperCase(), op.method().equals("get") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (session != null) {
            request.header("Authorization", session.bearer());
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (!op.stream()) {
                body.readAllBytes();
            }
        }
        return response.statusCode();
    }

    /** One operation of the document: method, path, allowed roles, and whether it answers a stream. */
    private record Operation(String method, String path, List<String> roles, boolean stream) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> operations() throws Exception {
        Map<String, Object> document;
        try (InputStream in = ApiRoleMatrixIT.class.getClassLoader().getResourceAsStream(ConsoleAssets.OPENAPI)) {
            document = new Yaml().load(in);
        }
        List<Operation> out = new ArrayList<>();
        ((Map<String, Object>) document.get("paths")).forEach((path, item) ->
                ((Map<String, Object>) item).forEach((method, value) -> {
                    if (METHODS.contains(method)) {
                        Map<String, Object> op = (Map<String, Object>) value;
                        List<String> roles = (List<String>) op.getOrDefault("x-roles", List.of());
                        out.add(new Operation(method, path, roles, Boolean.TRUE.equals(op.get("x-stream"))));
                    }
                }));
        return out;
    }

    /** {@code /a/{x}/b} and {@code /a/:x/b} both become {@code /a/{}/b}; a prefix route {@code /a/*} is {@code /a/{}}. */
    private static String canonical(String path) {
        return path.replaceAll("\\{[^}/]+}", "{}").replaceAll(":[A-Za-z0-9_]+", "{}");
    }

    private static String canonicalRoute(String route) {
        String canonical = canonical(route);
        return canonical.endsWith("/*") ? canonical.substring(0, canonical.length() - 1) + "{}" : canonical;
    }
}
