package org.hotline.core.ami.internal;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent: HotlineDutyAnswer}, sent by the duty-officer dialplan with the key pressed. Asterisk-Java
 * finds it by this class name and fills it through the setters (hence public and mutable).
 */
public final class HotlineDutyAnswerEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String dutyCall;
    private String key;

    public HotlineDutyAnswerEvent(Object source) {
        super(source);
    }

    public String getDutyCall() {
        return dutyCall;
    }

    public void setDutyCall(String dutyCall) {
        this.dutyCall = dutyCall;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
