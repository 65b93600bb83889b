package org.hotline.core.console;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The safe time a caller chose for a callback (IVR field {@code callbackWindow}), in the hotline's local time.
 * "Any" still means waking hours: the hotline does not call anyone back at night.
 */
public enum CallbackWindow {
    MORNING("morning", LocalTime.of(8, 0), LocalTime.of(12, 0)),
    AFTERNOON("afternoon", LocalTime.of(12, 0), LocalTime.of(17, 0)),
    EVENING("evening", LocalTime.of(17, 0), LocalTime.of(21, 0)),
    ANY("any", LocalTime.of(8, 0), LocalTime.of(21, 0));

    private final String code;
    private final LocalTime from;
    private final LocalTime until;

    CallbackWindow(String code, LocalTime from, LocalTime until) {
        this.code = code;
        this.from = from;
        this.until = until;
    }

    public String code() {
        return code;
    }

    /** True when {@code time} is inside the window (start inclusive, end exclusive). */
    public boolean contains(LocalTime time) {
        return !time.isBefore(from) && time.isBefore(until);
    }

    public static Optional<CallbackWindow> of(String code) {
        return Arrays.stream(values()).filter(w -> w.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(CallbackWindow::code).toList();
    }
}
