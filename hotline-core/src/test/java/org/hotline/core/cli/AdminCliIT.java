package org.hotline.core.cli;

import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.hotline.core.auth.SignIn;
import org.hotline.core.auth.UserAccounts;
import org.hotline.core.storage.MongoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCliIT {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldCreateTheFirstAdministratorWhoCanThenSignIn() throws Exception {
        // when
        int exit = run(Map.of("HOTLINE_NEW_PASSWORD", "minister's own long secret"),
                "create-user", "--username", "ada.admin", "--role", "ministry_admin", "--role", "operator",
                "--phone", "PJSIP/op-ada");
        // then
        assertThat(exit).as(err.toString()).isZero();
        try (MongoStore store = MongoStore.forTools(java.util.Optional.empty(), dir.resolve("mongo"), "hotline")) {
            UserAccounts accounts = org.hotline.core.testsupport.Staff.accounts(store, e -> { });
            // the password is right; an administrator then enrols a second factor before the first session
            assertThat(accounts.signIn("ada.admin", "minister's own long secret".toCharArray()))
                    .isInstanceOf(SignIn.EnrolmentRequired.class);
            assertThat(store.database().getCollection("users").find().first().getString("amiInterface"))
                    .isEqualTo("PJSIP/op-ada");
        }
    }

    @Test
    void shouldRefuseBadRequestsWithoutCreatingAnything() throws Exception {
        assertThat(run(Map.of("HOTLINE_NEW_PASSWORD", "long enough password"), "create-user", "--username", "x.y",
                "--role", "emperor")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown role");
        assertThat(run(Map.of("HOTLINE_NEW_PASSWORD", "short"), "create-user", "--username", "x.y",
                "--role", "operator")).isEqualTo(1);
        assertThat(err.toString()).contains("at least 12");
        assertThat(run(Map.of(), "delete-everything")).isEqualTo(2);
        assertThat(run(Map.of("HOTLINE_NEW_PASSWORD", "long enough password"), "create-user", "--username", "x.y",
                "--role", "operator", "--phone", "not a phone")).isEqualTo(2);
        try (MongoStore store = MongoStore.forTools(java.util.Optional.empty(), dir.resolve("mongo"), "hotline")) {
            assertThat(store.database().getCollection("users").countDocuments()).isZero();
        }
    }

    @Test
    void shouldCreateAnAgencyUserOnlyForAnAgencyOfTheActivePathway() throws Exception {
        // given
        Map<String, String> env = Map.of("HOTLINE_NEW_PASSWORD", "the agency's own secret",
                "HOTLINE_PATHWAY_FILE", "../pathway-config/examples/national.yaml");
        // when
        int unknown = run(env, "create-user", "--username", "ivy.agency", "--role", "agency_user", "--agency", "nowhere");
        String refusal = err.toString();
        int known = run(env, "create-user", "--username", "ivy.agency", "--role", "agency_user", "--agency", "nattf");
        // then
        assertThat(unknown).isEqualTo(1);
        assertThat(refusal).contains("'nowhere' is not an agency of the active pathway").contains("nattf");
        assertThat(known).as(err.toString()).isZero();
        try (MongoStore store = MongoStore.forTools(java.util.Optional.empty(), dir.resolve("mongo"), "hotline")) {
            assertThat(store.database().getCollection("users").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void shouldResetTheSecondFactorOfAnAccountSoItEnrolsAgainAndAuditIt() throws Exception {
        // given: an administrator who has enrolled a second factor
        assertThat(run(Map.of("HOTLINE_NEW_PASSWORD", "minister's own long secret"), "create-user", "--username",
                "ada.admin", "--role", "ministry_admin")).isZero();
        char[] password = "minister's own long secret".toCharArray();
        try (MongoStore store = MongoStore.forTools(java.util.Optional.empty(), dir.resolve("mongo"), "hotline")) {
            UserAccounts accounts = org.hotline.core.testsupport.Staff.accounts(store, e -> { });
            String secret = ((SignIn.EnrolmentRequired) accounts.signIn("ada.admin", password)).enrolment().secret();
            String code = org.hotline.core.auth.Totp.code(secret, org.hotline.core.auth.Totp.step(java.time.Instant.now()));
            assertThat(accounts.signIn("ada.admin", password, code, "test")).isInstanceOf(SignIn.Success.class);
            assertThat(accounts.signIn("ada.admin", password)).isInstanceOf(SignIn.CodeRequired.class);
            store.flush();
        }
        // when
        int reset = run(Map.of(), "reset-totp", "--username", "ada.admin");
        int unknown = run(Map.of(), "reset-totp", "--username", "nobody.here");
        // then
        assertThat(reset).as(err.toString()).isZero();
        assertThat(out.toString()).contains("reset the second factor of 'ada.admin'");
        assertThat(unknown).isEqualTo(1);
        assertThat(err.toString()).contains("no account named 'nobody.here'");
        try (MongoStore store = MongoStore.forTools(java.util.Optional.empty(), dir.resolve("mongo"), "hotline")) {
            UserAccounts accounts = org.hotline.core.testsupport.Staff.accounts(store, e -> { });
            assertThat(accounts.signIn("ada.admin", password)).isInstanceOf(SignIn.EnrolmentRequired.class);
            assertThat(store.database().getCollection("audit_log").countDocuments(
                    new org.bson.Document("action", "auth.totp_reset").append("target", "ada.admin"))).isEqualTo(1);
        }
    }

    private int run(Map<String, String> extra, String... args) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("HOTLINE_DATA_DIR", dir.toString());
        env.put("HOTLINE_PASSWORD_ITERATIONS", "1000");
        return AdminCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
