package org.hotline.core.crypto;

import org.bson.Document;

/**
 * Encryption at rest of the personal values in a referral's stored payload (names, phone numbers, free text),
 * bound to the referral's tip. The payload waits in MongoDB until it is delivered and stays there for the
 * agency portal, so it must not hold personal data in clear any more than the tip does.
 */
public interface PayloadSeal {

    /** A copy of {@code payload} with every personal value encrypted. */
    Document seal(String tipId, Document payload);

    /** A copy of {@code payload} with every personal value decrypted. */
    Document open(String tipId, Document payload);

    /** Staff or agency free text about tip {@code tipId} encrypted under {@code path}; here: as it is. */
    default String sealText(String tipId, String path, String text) {
        return text;
    }

    /** Free text sealed by {@link #sealText}; here: as it is. */
    default String openText(String tipId, String path, String sealed) {
        return sealed;
    }

    /** No encryption: for tests of dispatch on its own. */
    PayloadSeal NONE = new PayloadSeal() {
        @Override
        public Document seal(String tipId, Document payload) {
            return payload;
        }

        @Override
        public Document open(String tipId, Document payload) {
            return payload;
        }
    };
}
