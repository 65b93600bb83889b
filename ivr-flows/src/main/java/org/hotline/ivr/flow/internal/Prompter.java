package org.hotline.ivr.flow.internal;

import java.util.Optional;
import org.hotline.ivr.flow.FlowObserver;
import org.hotline.ivr.flow.FlowSet;
import org.hotline.ivr.flow.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns prompt ids into sound files in the caller's language and plays them. Files are played as
 * {@code <language>/<file>} (Asterisk finds {@code sounds/<language>/<file>.wav}), so the language heard is
 * explicit whatever the channel's language; a prompt missing in the caller's language is played in the flow's
 * default language and counted.
 */
final class Prompter {

    static final String ALL_KEYS = "0123456789*#";
    private static final Logger LOG = LoggerFactory.getLogger(Prompter.class);

    private final FlowSet flows;
    private final CallChannel channel;
    private final FlowObserver observer;

    Prompter(FlowSet flows, CallChannel channel, FlowObserver observer) {
        this.flows = flows;
        this.channel = channel;
        this.observer = observer;
    }

    String file(CallState call, String promptId) {
        Optional<Prompt> own = flows.catalogues().get(call.language) == null ? Optional.empty()
                : flows.catalogues().get(call.language).find(promptId);
        if (own.isPresent()) {
            return call.language + "/" + own.get().file();
        }
        String fallback = call.flow.defaultLanguage();
        // the load warned once for every prompt a partial language lacks; each play is counted, not logged
        LOG.debug("prompt {} missing in {}, playing it in {} (flow {})", promptId, call.language, fallback,
                call.flow.label());
        observer.promptFallback(call.flow.label(), call.language, promptId);
        return flows.catalogues().get(fallback).find(promptId)
                .map(p -> fallback + "/" + p.file())
                .orElse(fallback + "/hotline/" + promptId);
    }

    /** Plays a prompt the caller may interrupt with any key; returns the key or 0. */
    char play(CallState call, String promptId) {
        return channel.play(file(call, promptId), ALL_KEYS);
    }

    /** Plays a prompt that only the given keys interrupt. */
    char play(CallState call, String promptId, String escapeDigits) {
        return channel.play(file(call, promptId), escapeDigits);
    }
}
