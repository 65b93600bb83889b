package org.hotline.core.node;

import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.agency.AgencyPortal;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.intake.TipIntakeService;
import org.hotline.core.referral.Dispatch;
import org.hotline.core.security.ServerKey;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.text.KannelConfig;
import org.hotline.core.text.KannelRoutes;
import org.hotline.core.text.TextChannels;
import org.hotline.core.text.TelegramConfig;
import org.hotline.core.text.TextConfig;
import org.hotline.ivr.FollowUpDesk;
import org.hotline.ivr.flow.FlowOptions;
import org.hotline.ivr.flow.FlowRegistry;

/** Reads the text channels' settings and starts them (SMS through Kannel, a Telegram bot, when configured). */
final class TextWiring {

    private TextWiring() {}

    static TextConfig config(Map<String, String> env) {
        EnvReader read = new EnvReader(env);
        return new TextConfig(read.string("HOTLINE_TEXT_FLOW", TextConfig.DEFAULT_FLOW),
                read.duration("HOTLINE_TEXT_IDLE", TextConfig.DEFAULT_IDLE),
                read.range("HOTLINE_TEXT_MAX_CHARS", TextConfig.DEFAULT_MAX_CHARS, 160, 10_000),
                read.range("HOTLINE_TEXT_RATE_PER_MINUTE", TextConfig.DEFAULT_PER_MINUTE, 1, 600));
    }

    static Optional<KannelConfig> kannel(Map<String, String> env) {
        EnvReader read = new EnvReader(env);
        Optional<String> key = read.secret(KannelRoutes.KEY_REF, 16);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String password = read.optional("HOTLINE_KANNEL_PASSWORD").orElseThrow(() -> new IllegalArgumentException(
                "Configuration HOTLINE_KANNEL_PASSWORD is required with " + KannelRoutes.KEY_REF
                        + ": the sendsms-user password replies go out with"));
        String from = read.optional("HOTLINE_KANNEL_FROM").orElseThrow(() -> new IllegalArgumentException(
                "Configuration HOTLINE_KANNEL_FROM is required with " + KannelRoutes.KEY_REF
                        + ": the short code replies come from"));
        String url = read.string("HOTLINE_KANNEL_SENDSMS_URL", KannelConfig.DEFAULT_SENDSMS.toString());
        if (!url.matches("https?://[^\\s?#]+")) {
            throw new IllegalArgumentException("Configuration HOTLINE_KANNEL_SENDSMS_URL has an invalid value '" + url
                    + "': expected http(s)://host:port/cgi-bin/sendsms without a query");
        }
        return Optional.of(new KannelConfig(key.get(), URI.create(url), read.string("HOTLINE_KANNEL_USERNAME",
                "hotline"), password, from));
    }

    static Optional<TelegramConfig> telegram(Map<String, String> env) {
        EnvReader read = new EnvReader(env);
        Optional<String> token = read.secret("HOTLINE_TELEGRAM_BOT_TOKEN", 20);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String secret = read.secret("HOTLINE_TELEGRAM_WEBHOOK_SECRET", 16).orElseThrow(() ->
                new IllegalArgumentException("Configuration HOTLINE_TELEGRAM_WEBHOOK_SECRET is required with "
                        + "HOTLINE_TELEGRAM_BOT_TOKEN: the secret_token the bot's webhook was set with"));
        if (!secret.matches("[A-Za-z0-9_-]{16,256}")) {
            throw new IllegalArgumentException("Configuration HOTLINE_TELEGRAM_WEBHOOK_SECRET must be 16-256 of "
                    + "A-Z, a-z, 0-9, _ and - (Telegram's rule for secret_token)");
        }
        String api = read.string("HOTLINE_TELEGRAM_API_URL", TelegramConfig.DEFAULT_API.toString());
        if (!api.matches("https?://[^\\s?#]+[^/]")) {
            throw new IllegalArgumentException("Configuration HOTLINE_TELEGRAM_API_URL has an invalid value '" + api
                    + "': expected e.g. https://api.telegram.org (no trailing slash)");
        }
        return Optional.of(new TelegramConfig(URI.create(api), token.get(), secret));
    }

    /** The node's parts the text channels use. */
    record Node(MongoStore mongo, TipCipher cipher, FlowRegistry flows, FlowOptions flowOptions,
                TipIntakeService intake, FollowUpDesk desk, ServerKey key, Dispatch dispatch, AuditLog audit,
                java.nio.file.Path dataDir, org.hotline.core.metrics.HotlineMetrics metrics) {}

    static TextChannels start(Vertx vertx, Map<String, String> env, Node node, Clock clock) {
        Optional<KannelConfig> kannel = kannel(env);
        TextChannels.Parts parts = new TextChannels.Parts(node.mongo(), node.cipher(), node.flows(),
                node.flowOptions(), node.intake(), node.desk(), number -> node.key().keyedHash("caller-hash", number),
                Optional.of(AgencyPortal.smsReplies(node.mongo(), node.dispatch(), node.audit(), clock)), node.audit(),
                clock, Optional.of(org.hotline.core.intake.JournaledQueue.open("text_message",
                        node.dataDir().resolve("text-journal"))), node.metrics());
        Duration poll = new EnvReader(env).duration("HOTLINE_TEXT_OUTBOX_POLL", Duration.ofSeconds(2));
        return TextChannels.start(vertx, parts, config(env), kannel, telegram(env), poll);
    }
}
