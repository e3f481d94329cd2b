package io.trajectory.etl.generate;

import java.util.List;

/** People's and places' names for officers, sign-offs, authorities and districts, drawn from {@link Vocabulary}. */
final class Names {

    /** Authorities at least this many times the typical size are cities or counties. */
    static final double LARGE = 2.0;
    /** Authorities smaller than this are districts. */
    static final double SMALL = 0.7;

    private Names() {
    }

    /** "First Surname". */
    static String person(long hash) {
        return Vocabulary.FIRST_NAMES.get(Draws.below(hash, Vocabulary.FIRST_NAMES.size()))
                + " " + Vocabulary.SURNAMES.get(Draws.below(Draws.sub(hash, 1), Vocabulary.SURNAMES.size()));
    }

    /** "Surname, First": some councils' systems record the reporter this way. */
    static String personSurnameFirst(long hash) {
        return Vocabulary.SURNAMES.get(Draws.below(Draws.sub(hash, 1), Vocabulary.SURNAMES.size()))
                + ", " + Vocabulary.FIRST_NAMES.get(Draws.below(hash, Vocabulary.FIRST_NAMES.size()));
    }

    /** An invented place: "Ashworth", "North Kelby" (a prefix one time in four). */
    static String place(long hash) {
        String prefix = Draws.unit(Draws.sub(hash, 3)) < 0.25 ? pick(Vocabulary.PLACE_PREFIXES, Draws.sub(hash, 4)) : "";
        return prefix + plainPlace(hash);
    }

    /** A place without a prefix: "Ashworth" ("Cress" and "stead" make "Cresstead"). */
    private static String plainPlace(long hash) {
        String stem = pick(Vocabulary.PLACE_STEMS, Draws.sub(hash, 1));
        String ending = pick(Vocabulary.PLACE_ENDINGS, Draws.sub(hash, 2));
        boolean tripled = stem.length() >= 2 && stem.charAt(stem.length() - 1) == ending.charAt(0)
                && stem.charAt(stem.length() - 2) == ending.charAt(0);
        return tripled ? stem + ending.substring(1) : stem + ending;
    }

    /**
     * A council's name: a place, or now and then two ("Ashworth and Kelby"), and a kind of
     * council that fits its size ("City Council" for the largest, "District Council" for the smallest).
     */
    static String authority(long hash, double size) {
        String place = place(hash);
        if (Draws.unit(Draws.sub(hash, 5)) < 0.12) {
            String first = plainPlace(Draws.sub(hash, 6));
            String second = plainPlace(Draws.sub(hash, 7));
            place = first.equals(second) ? place : first + " and " + second;
        }
        List<String> kinds = size >= LARGE ? Vocabulary.LARGE_COUNCILS
                : size < SMALL ? Vocabulary.SMALL_COUNCILS : Vocabulary.MIDDLE_COUNCILS;
        return place + " " + pick(kinds, Draws.sub(hash, 8));
    }

    /** A district or ward: a place, sometimes with a ward-like ending ("Kelby Vale"). */
    static String district(long hash) {
        return place(hash) + pick(Vocabulary.DISTRICT_ENDINGS, Draws.sub(hash, 9));
    }

    private static String pick(List<String> words, long hash) {
        return words.get(Draws.below(hash, words.size()));
    }
}
