package io.trajectory.api.web;

/**
 * A request parameter's text that its type does not accept; a {@link ParameterConverters}
 * converter rejects the text with it, and {@link Problems} names the parameter.
 */
final class UnacceptedValue extends IllegalArgumentException {

    private final String acceptedForms;

    UnacceptedValue(String message, String acceptedForms) {
        super(message);
        this.acceptedForms = acceptedForms;
    }

    String acceptedForms() {
        return acceptedForms;
    }
}
