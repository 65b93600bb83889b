package org.hotline.core.audit;

/** The result of checking the stored audit chain from its first entry to its head. */
public sealed interface AuditVerification {

    /** Every entry links to the one before and matches its hash and seal. */
    record Intact(long entries, String headHash) implements AuditVerification {}

    /** The chain is broken at {@code firstBadSeq}: changed, removed, reordered or forged from there on. */
    record Tampered(long firstBadSeq, String problem) implements AuditVerification {}
}
