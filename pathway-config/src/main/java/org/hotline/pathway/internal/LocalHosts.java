package org.hotline.pathway.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a URL's host is the machine itself: {@code localhost} (and {@code *.localhost}), or an address literal
 * that is loopback (127.0.0.0/8, ::1), link-local (169.254.0.0/16, fe80::/10, where cloud metadata services
 * answer) or unspecified (0.0.0.0, ::). Names are not resolved: the lint stays free of the network.
 */
final class LocalHosts {

    private static final Pattern DOTTED = Pattern.compile("[0-9.]+");

    private LocalHosts() {}

    static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (DOTTED.matcher(h).matches()) {
            return ipv4(h).map(LocalHosts::isLocal).orElse(true);
        }
        if (h.contains(":")) {
            try {
                // An IPv6 literal (it has a colon): parsed here, never looked up in DNS.
                return isLocal(InetAddress.getByName(h));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLocal(InetAddress address) {
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress();
    }

    /**
     * A dotted IPv4 literal read the way C's {@code inet_aton} reads it ({@code 127.1} is 127.0.0.1,
     * {@code 2130706433} too); empty for a form some client could read otherwise (a leading zero: octal).
     */
    private static Optional<InetAddress> ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 10 || (part.length() > 1 && part.startsWith("0"))) {
                return Optional.empty();
            }
            long n = Long.parseLong(part);
            int bits = i < parts.length - 1 ? 8 : 8 * (5 - parts.length);
            if (n >= (1L << bits)) {
                return Optional.empty();
            }
            value = i < parts.length - 1 ? (value << 8) | n : (value << bits) | n;
        }
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
