package org.hotline.ivr.flow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.ivr.FollowUpAnswer;
import org.hotline.ivr.FollowUpDesk;

/** Follow-up desk for flow tests: one known tip, a lock after three wrong PINs, recordings kept in a list. */
final class InMemoryDesk implements FollowUpDesk {

    static final String REFERENCE = "4729183";
    static final String PIN = "0461";
    private static final int MAX_WRONG = 3;

    private final Map<String, Integer> wrong = new ConcurrentHashMap<>();
    private final List<String> added = new CopyOnWriteArrayList<>();
    private final List<String> callers = new CopyOnWriteArrayList<>();

    @Override
    public FollowUpAnswer lookup(String reference, String pin, String callerNumber) {
        callers.add(String.valueOf(callerNumber));
        return lookup(reference, pin);
    }

    @Override
    public FollowUpAnswer lookup(String reference, String pin) {
        if (wrong.getOrDefault(reference, 0) >= MAX_WRONG) {
            return new FollowUpAnswer.Locked();
        }
        if (REFERENCE.equals(reference) && PIN.equals(pin)) {
            return new FollowUpAnswer.Found(FollowUpAnswer.TipStatus.REFERRED);
        }
        int count = wrong.merge(reference, 1, Integer::sum);
        return count >= MAX_WRONG ? new FollowUpAnswer.Locked() : new FollowUpAnswer.WrongPin();
    }

    @Override
    public void addRecording(String reference, String recording, String language) {
        added.add(reference + " " + language + " " + recording);
    }

    /** The calling numbers lookups were made with, so a desk can limit PIN guesses per caller. */
    List<String> callers() {
        return List.copyOf(callers);
    }

    List<String> added() {
        return List.copyOf(added);
    }

    boolean locked(String reference) {
        return wrong.getOrDefault(reference, 0) >= MAX_WRONG;
    }
}
