package org.hotline.pathway;

import java.util.List;

/** Result of loading a pathway file: a usable pathway, or every problem found. */
public sealed interface LoadResult {

    record Valid(Pathway pathway, List<Problem> warnings) implements LoadResult {
        public Valid {
            warnings = List.copyOf(warnings);
        }
    }

    record Invalid(List<Problem> problems) implements LoadResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
