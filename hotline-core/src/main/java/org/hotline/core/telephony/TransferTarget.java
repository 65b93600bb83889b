package org.hotline.core.telephony;

/**
 * The agency a caller may be handed to live, for one referral: its duty line is the first phone of the agency in
 * the pathway's directory (HSDS {@code phones}). {@code reference} is the tip's reference.
 */
public record TransferTarget(String referralId, String reference, String agencyId, String agencyName,
        String dutyNumber) {

    /** A number Asterisk can dial as an extension: an optional + and digits. */
    public boolean dialable() {
        return dutyNumber != null && dutyNumber.matches("\\+?[0-9]{3,20}");
    }
}
