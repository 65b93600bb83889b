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
