package org.hotline.ivr.server;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiScript;

/** Small scripts for server tests; the real flows live in org.hotline.ivr.flow. */
final class TestScripts {

    private TestScripts() {}

    /** Answers, asks for a digit, reads a code, records, says a reference, sets DONE. Seven commands. */
    static AgiScript journey() {
        return (request, channel) -> {
            channel.answer();
            channel.streamFile("hotline/menu", "123");
            channel.getData("hotline/code", 5_000, 4);
            channel.recordFile("/tmp/msg", "wav", "#", 60_000, 0, true, 3);
            channel.sayDigits("4729");
            channel.setVariable("HOTLINE_REFERENCE", "4729");
            channel.setVariable(CallStatus.VARIABLE, "DONE");
        };
    }

    /** Echoes the query parameter {@code lang} and the first dialplan argument into variables; sets no status. */
    static AgiScript echo() {
        return (request, channel) -> {
            channel.setVariable("LANG_SEEN", String.valueOf(request.getParameter("lang")));
            channel.setVariable("ARG_SEEN", request.getArguments().length == 0 ? "" : request.getArguments()[0]);
            channel.streamFile("hotline/thanks");
        };
    }

    /** Says goodbye, sets BYE and hangs up itself, as a flow's last node does. */
    static AgiScript goodbye() {
        return (request, channel) -> {
            channel.streamFile("hotline/goodbye");
            channel.setVariable(CallStatus.VARIABLE, "BYE");
            channel.hangup();
        };
    }

    static AgiScript failing() {
        return (request, channel) -> {
            channel.answer();
            throw new IllegalStateException("simulated bug in a flow");
        };
    }

    /** Counts down {@code connected}, holds the call until {@code release} opens, then ends with DONE. */
    static AgiScript held(CountDownLatch connected, CountDownLatch release) {
        return (request, channel) -> {
            channel.answer();
            connected.countDown();
            await(release, Duration.ofSeconds(60));
            channel.streamFile("hotline/thanks");
            channel.setVariable(CallStatus.VARIABLE, "DONE");
        };
    }

    static void await(CountDownLatch latch, Duration timeout) {
        try {
            if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("test latch not released within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
