package io.trajectory.etl.generate;

/** People's names for officers and sign-offs, drawn from {@link Vocabulary}. */
final class Names {

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
}
