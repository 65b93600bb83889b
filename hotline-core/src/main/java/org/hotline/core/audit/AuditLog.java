package org.hotline.core.audit;

/**
 * Where every access to tip data, every pathway and user change and every denied access is recorded.
 * Implementations must be append-only; recording must not throw into the caller's business (a failure to
 * audit is logged and counted by the implementation).
 */
public interface AuditLog {

    void record(AuditEvent event);
}
