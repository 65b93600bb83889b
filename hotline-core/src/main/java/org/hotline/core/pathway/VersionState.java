package org.hotline.core.pathway;

/**
 * Where a stored pathway version is in its life: drafted, submitted for approval, approved by a second
 * ministry administrator, routing tips (exactly one version at a time), or retired by a later activation.
 */
public enum VersionState {
    DRAFT,
    SUBMITTED,
    APPROVED,
    ACTIVE,
    RETIRED
}
