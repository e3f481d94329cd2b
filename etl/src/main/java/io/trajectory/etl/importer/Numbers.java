package io.trajectory.etl.importer;

import java.math.BigDecimal;

/** Numbers as councils' exports write them, and as the landing zone writes them back. */
final class Numbers {

    private Numbers() {
    }

    /**
     * Reads {@code 1,234}, {@code 10 310}, {@code 12.5%} or {@code £300}.
     *
     * @throws Field.Unusable naming {@code key} when the text is not a number
     */
    static BigDecimal parse(String key, String text) {
        String s = text.replace(",", "").replace("£", "").replace("%", "")
                .replaceAll("(?<=\\d)[ \u00A0\u202F](?=\\d)", "").strip();
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new Field.Unusable(key + ": '" + text + "' is not a number");
        }
    }

    /** Plain decimal text without trailing zeros: {@code 95.5}, {@code 1200}, never {@code 1.2E+3}. */
    static String format(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.signum() == 0 ? "0" : v.toPlainString();
    }
}
