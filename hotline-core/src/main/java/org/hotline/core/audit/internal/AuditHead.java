package org.hotline.core.audit.internal;

/**
 * The stored head of the audit chain: the highest sequence number written, the hash of the entry there and
 * their seal ({@link org.hotline.core.audit.AuditChain#sealHead}). {@code hash} and {@code seal} are null in a
 * head that was never sealed.
 */
record AuditHead(long seq, String hash, String seal) {}
