package org.hotline.ivr.flow;

/**
 * Keys that work at every node that listens for keys: {@code danger} goes to {@code onDanger},
 * {@code operator} goes to {@code onOperator} while the hotline is open, {@code repeat} plays the node again.
 */
public record GlobalKeys(String danger, String operator, String repeat, Ref onDanger, Ref onOperator) {

    /** Whether this key is one of the global keys. */
    public boolean isGlobal(String key) {
        return key.equals(danger) || key.equals(operator) || key.equals(repeat);
    }
}
