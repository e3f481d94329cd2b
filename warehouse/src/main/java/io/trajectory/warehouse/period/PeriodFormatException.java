package io.trajectory.warehouse.period;

/** A period that is not a recognisable UK financial quarter; the message quotes the text. */
public final class PeriodFormatException extends IllegalArgumentException {

    private final String text;

    public PeriodFormatException(String text, String why) {
        super("Unrecognised period '" + text + "'" + (why == null ? "" : ": " + why)
                + "; expected a UK financial quarter such as " + FiscalQuarter.ACCEPTED_FORMS);
        this.text = text;
    }

    /** The text that failed to parse. */
    public String text() {
        return text;
    }
}
