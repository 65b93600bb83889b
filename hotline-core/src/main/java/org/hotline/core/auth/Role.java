package org.hotline.core.auth;

/** What a signed-in person may do. Agency users are bound to one agency. */
public enum Role {
    OPERATOR,
    SUPERVISOR,
    MINISTRY_ADMIN,
    AGENCY_USER,
    AUDITOR
}
