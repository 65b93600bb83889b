package org.hotline.core.text;

import java.net.URI;
import java.util.Objects;

/**
 * A Telegram bot: the Bot API's base URL, the bot's token (from BotFather) and the secret the webhook was set with
 * ({@code setWebhook … secret_token}).
 */
public record TelegramConfig(URI api, String token, String webhookSecret) {

    public static final URI DEFAULT_API = URI.create("https://api.telegram.org");

    public TelegramConfig {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
    }
}
