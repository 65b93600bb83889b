package org.hotline.core.referral;

import java.util.List;

/** A request to create referrals was refused before anything was stored; {@link #problems()} lists every reason. */
public final class InvalidReferralRequestException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidReferralRequestException(List<String> problems) {
        super("invalid referral request: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
