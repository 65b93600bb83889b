package org.hotline.core.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Copies what is written to standard error (where the node logs) while it is open; restores it on close. */
public final class StandardErrorCopy implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    public StandardErrorCopy() {
        System.setErr(new PrintStream(original, true, StandardCharsets.UTF_8) {
            @Override
            public void write(byte[] data, int off, int len) {
                super.write(data, off, len);
                synchronized (copy) {
                    copy.write(data, off, len);
                }
            }

            @Override
            public void write(int b) {
                super.write(b);
                synchronized (copy) {
                    copy.write(b);
                }
            }
        });
    }

    /** What was written so far. */
    public String text() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
