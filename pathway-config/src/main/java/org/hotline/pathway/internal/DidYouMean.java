package org.hotline.pathway.internal;

import java.util.Collection;
import java.util.Locale;

/**
 * The known value a mistyped one most likely meant, for "did you mean" hints: the same word in another case, or
 * the closest by edit distance (insertions, deletions, substitutions, swaps of neighbours) when it is close
 * enough for a typo: at most one edit for short words, two from six letters, three from twelve.
 */
final class DidYouMean {

    private DidYouMean() {}

    /** {@code " (did you mean 'x'?)"}, or the empty string when nothing known is close. */
    static String hint(String given, Collection<String> known) {
        String best = closest(given, known);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** The closest known value within typo distance, or null. */
    static String closest(String given, Collection<String> known) {
        if (given == null || known == null) {
            return null;
        }
        String lower = given.toLowerCase(Locale.ROOT);
        int allowed = lower.length() >= 12 ? 3 : lower.length() >= 6 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            if (candidate == null || candidate.equals(given)) {
                continue;
            }
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
