package org.hotline.core.text;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Kannel for tests: bearerbox and smsbox started from the shipped {@code ops/kannel/kannel.conf} on free
 * loopback ports, and {@code fakesmsc} (Debian kannel-extras) playing handsets. Absent packages skip the test,
 * or fail it with {@code CI=true} ({@code ./hotline test} installs them).
 */
final class KannelBoxes implements AutoCloseable {

    // the same variables ./hotline test's preparation looks at
    static final Path BEARERBOX = Path.of(System.getenv().getOrDefault("KANNEL_BEARERBOX", "/usr/sbin/bearerbox"));
    static final Path SMSBOX = BEARERBOX.resolveSibling("smsbox");
    static final Path FAKESMSC = Path.of(System.getenv().getOrDefault("KANNEL_FAKESMSC",
            "/usr/lib/kannel/test/fakesmsc"));
    static final Path SAMPLE = Path.of("../ops/kannel/kannel.conf");
    static final String INBOUND_KEY = "kannel-test-inbound-key-0123";
    static final String PASSWORD = "kannel-test-sendsms";
    static final String SHORT_CODE = "1234";
    private static final Pattern RECEIVED = Pattern.compile("Got message \\d+: <(.*)>$", Pattern.MULTILINE);
    private static final Pattern HEADER = Pattern.compile("(\\S+) (\\S+) text (.*)", Pattern.DOTALL);
    /** A part of a long (concatenated) SMS: the UDH's last byte is the part number, the data URL-encoded. */
    private static final Pattern PART = Pattern.compile("(\\S+) (\\S+) udh (\\S+) data (\\S*)");

    /** One message a handset received. */
    record Sms(String from, String to, String text) {}

    private final Path dir;
    private final int smscPort = freePort();
    private final int sendsmsPort = freePort();
    private Path config;
    private Process bearerbox;
    private Process smsbox;
    private Process handset;
    private final List<Path> handsetLogs = new ArrayList<>();

    static void requireInstalled() {
        if (Files.isExecutable(BEARERBOX) && Files.isExecutable(SMSBOX) && Files.isExecutable(FAKESMSC)) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("Kannel is not installed; CI must install it (apt-get install -y kannel kannel-extras, see ./hotline test)");
        }
        Assumptions.abort("Kannel is not installed here (apt-get install -y kannel kannel-extras); CI runs this test");
    }

    KannelBoxes(Path dir) {
        this.dir = dir;
    }

    /** Writes the shipped sample with this test's ports and secrets, then starts bearerbox and smsbox. */
    KannelBoxes start(int nodeHttpPort) {
        try {
            String sample = Files.readString(SAMPLE);
            String conf = sample.replace("13000", String.valueOf(freePort())).replace("13001", String.valueOf(freePort()))
                    .replace("13013", String.valueOf(sendsmsPort)).replace("port = 10000", "port = " + smscPort)
                    .replace("127.0.0.1:8080", "127.0.0.1:" + nodeHttpPort)
                    .replace("/var/log/kannel/", dir + "/").replace("/var/spool/kannel/store", dir + "/store")
                    .replace("CHANGE-ME-inbound-key", INBOUND_KEY).replace("CHANGE-ME-sendsms", PASSWORD)
                    .replace("CHANGE-ME-admin", "kannel-test-admin").replace("http-queue-delay = 5", "http-queue-delay = 1");
            config = Files.writeString(dir.resolve("kannel.conf"), conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bearerbox = run("bearerbox", BEARERBOX.toString(), config.toString());
        awaitPort(smscPort);
        startSmsbox();
        return this;
    }

    String sendsmsUrl() {
        return "http://127.0.0.1:" + sendsmsPort + "/cgi-bin/sendsms";
    }

    void startSmsbox() {
        smsbox = run("smsbox", SMSBOX.toString(), config.toString());
        awaitPort(sendsmsPort);
        if (!smsbox.isAlive()) {
            fail("smsbox stopped at start (its port taken?):\n" + logs());
        }
    }

    /** Stops smsbox (sendsms refuses connections: the gateway is down for the node). */
    void stopSmsbox() {
        stop(smsbox);
        smsbox = null;
    }

    /** A handset sends one message to the short code; the previous handset hangs up first. */
    void send(String from, String text) {
        stop(handset);
        Path log = dir.resolve("handset-" + handsetLogs.size() + ".log");
        handsetLogs.add(log);
        handset = run(log, FAKESMSC.toString(), "-H", "127.0.0.1", "-r", String.valueOf(smscPort), "-i", "0.1",
                "-m", "1", from + " " + SHORT_CODE + " text " + text);
    }

    /** Every message the handsets received so far, in order. */
    List<Sms> received() {
        List<Sms> all = new ArrayList<>();
        for (Path log : handsetLogs) {
            try {
                Matcher m = RECEIVED.matcher(Files.exists(log) ? Files.readString(log) : "");
                while (m.find()) {
                    // the fake SMSC protocol is one line per message: an SMS with line breaks reaches fakesmsc as
                    // its first line (with sender and receiver) followed by bare lines, joined again here
                    Matcher header = HEADER.matcher(m.group(1));
                    Matcher part = PART.matcher(m.group(1));
                    if (part.matches()) {
                        String udh = URLDecoder.decode(part.group(3).replace("+", "%2B"), StandardCharsets.ISO_8859_1);
                        String data = URLDecoder.decode(part.group(4), StandardCharsets.UTF_8);
                        if (udh.charAt(udh.length() - 1) > 1 && !all.isEmpty()) {
                            Sms last = all.removeLast();
                            all.add(new Sms(last.from(), last.to(), last.text() + data));
                        } else {
                            all.add(new Sms(part.group(1), part.group(2), data));
                        }
                    } else if (header.matches()) {
                        all.add(new Sms(header.group(1), header.group(2), header.group(3)));
                    } else if (!all.isEmpty()) {
                        Sms last = all.removeLast();
                        all.add(new Sms(last.from(), last.to(), last.text() + "\n" + m.group(1)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    private Process run(String name, String... command) {
        return run(dir.resolve(name + ".out"), command);
    }

    private Process run(Path log, String... command) {
        try {
            return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitPort(int port) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static void stop(Process process) {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The boxes' logs, for a failing test's message. */
    String logs() {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("bearerbox.out", "smsbox.out", "smsbox.log", "bearerbox.log", "handset-2.log")) {
            try (InputStream in = Files.newInputStream(dir.resolve(name))) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                out.append("== ").append(name).append('\n').append(text, Math.max(0, text.length() - 3000), text.length());
            } catch (IOException e) {
                out.append("== ").append(name).append(" (none)\n");
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        stop(handset);
        stop(smsbox);
        stop(bearerbox);
    }

    /**
     * A free port below the ephemeral range (32768 and up here): a port the kernel hands out for outgoing
     * connections could be taken by one before the box binds it, and the box then dies on "Address already in use".
     */
    private static int freePort() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int tries = 0; tries < 200; tries++) {
            int port = random.nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000 for the Kannel boxes");
    }
}
