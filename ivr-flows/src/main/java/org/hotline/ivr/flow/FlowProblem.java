package org.hotline.ivr.flow;

import java.nio.file.Path;

/** One thing wrong with a flow or prompt file, with where it is (line 1-based; 0 when it has no line). */
public record FlowProblem(Path file, int line, String message) {

    @Override
    public String toString() {
        return file.getFileName() + ":" + line + ": " + message;
    }
}
